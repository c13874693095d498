package shoal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shoal.errors.ForbiddenException;
import shoal.errors.InvalidArgumentException;
import shoal.proto.NodeCaGrpc;
import shoal.proto.RenewRequest;

/** Both sides of joining and of later calls, over real TLS on a loopback port. */
class ClusterSecurityTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final TestCluster cluster = new TestCluster();
  private final CurrentIdentity manager = new CurrentIdentity(cluster.issue(NodeRole.MANAGER));
  private final List<AutoCloseable> closers = new ArrayList<>();
  @TempDir Path dataRoot;

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : closers.reversed()) {
      c.close();
    }
  }

  /** The manager's cluster port on a free loopback port, serving the CA. */
  private String serve(Access renewAccess) throws IOException {
    ClusterServer server = ClusterServer.on(new InetSocketAddress("127.0.0.1", 0), manager, cluster)
        .add(new CaService(cluster, cluster, Clock.systemUTC()), renewAccess)
        .access(NodeCaGrpc.getJoinMethod(), Access.UNAUTHENTICATED)
        .start();
    closers.add(server);
    String target = "127.0.0.1:" + server.port();
    cluster.managers = List.of(target);
    return target;
  }

  private String serve() throws IOException {
    return serve(Access.ANY_NODE);
  }

  private IdentityStore store(String name) {
    return new IdentityStore(dataRoot.resolve(name));
  }

  private ManagedChannel channel(String target, CurrentIdentity self) {
    ManagedChannel ch = ClusterChannels.toManager(target, self);
    closers.add(() -> {
      ch.shutdownNow();
      ch.awaitTermination(5, TimeUnit.SECONDS);
    });
    return ch;
  }

  private static void renewOnce(ManagedChannel ch) {
    NodeCaGrpc.newBlockingStub(ch).withDeadlineAfter(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .renew(RenewRequest.newBuilder().setCsr(ByteString.copyFrom(Certificates.csr(Certificates.newKeyPair()))).build());
  }

  private void assertNothingStored(Path dir) throws IOException {
    assertThat(cluster.nodes).isEmpty();
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        assertThat(s.filter(Files::isRegularFile)).isEmpty();
      }
    }
  }

  @Test
  void aWorkerTokenGetsAStoredWorkerCertificateOfThisCluster() throws IOException {
    String target = serve();
    IdentityStore store = store("w1");
    JoinClient.Joined joined = JoinClient.join(target, cluster.token(NodeRole.WORKER), "w1", "10.0.0.2:2377", store, TIMEOUT);

    NodeIdentity id = joined.identity();
    assertThat(id.role()).isEqualTo(NodeRole.WORKER);
    assertThat(id.clusterId()).isEqualTo(cluster.clusterId);
    assertThat(ClusterIds.isValid(id.nodeId())).isTrue();
    assertThat(id.root()).isEqualTo(cluster.root.certificate());
    assertThat(joined.managers()).containsExactly(target);
    assertThat(store.load()).contains(id);
    JoiningNode recorded = cluster.nodes.get(id.nodeId());
    assertThat(recorded.role()).isEqualTo(NodeRole.WORKER);
    assertThat(recorded.hostname()).isEqualTo("w1");
    assertThat(recorded.advertiseAddr()).isEqualTo("10.0.0.2:2377");
    assertThat(recorded.remoteHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void aManagerTokenGetsAManagerCertificate() throws IOException {
    String target = serve();
    NodeIdentity id = JoinClient.join(target, cluster.token(NodeRole.MANAGER), "m2", "", store("m2"), TIMEOUT).identity();
    assertThat(id.role()).isEqualTo(NodeRole.MANAGER);
    assertThat(cluster.nodes.get(id.nodeId()).role()).isEqualTo(NodeRole.MANAGER);
  }

  @Test
  void aWrongTokenIsRefusedAndLeavesNothingOnEitherSide() throws IOException {
    String target = serve();
    String wrong = new JoinToken(cluster.root.digest(), JoinToken.newSecret()).format();
    assertThatThrownBy(() -> JoinClient.join(target, wrong, "w1", "", store("w1"), TIMEOUT))
        .isInstanceOf(InvalidArgumentException.class).hasMessage("A valid join token is necessary to join this cluster");
    assertNothingStored(dataRoot);
  }

  @Test
  void aRotatedTokenIsRefusedWithAdviceAndLeavesNothingOnEitherSide() throws IOException {
    String target = serve();
    String old = cluster.token(NodeRole.WORKER);
    cluster.secrets = cluster.secrets.rotate(NodeRole.WORKER);
    assertThatThrownBy(() -> JoinClient.join(target, old, "w1", "", store("w1"), TIMEOUT))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("worker join token was rotated")
        .hasMessageContaining("docker swarm join-token worker");
    assertNothingStored(dataRoot);
    assertThat(JoinClient.join(target, cluster.token(NodeRole.WORKER), "w1", "", store("w1"), TIMEOUT).identity().role())
        .isEqualTo(NodeRole.WORKER);
  }

  @Test
  void aTokenPinningAnotherCaRefusesTheServerBeforeSendingTheSecret() throws IOException {
    String target = serve();
    TestCluster other = new TestCluster();
    String foreign = new JoinToken(other.root.digest(), cluster.secrets.worker()).format();
    assertThatThrownBy(() -> JoinClient.join(target, foreign, "w1", "", store("w1"), TIMEOUT))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("remote CA does not match fingerprint. Expected: " + other.root.digest());
    assertNothingStored(dataRoot);
  }

  @Test
  void aWorkerCertificateIsRefusedOnAManagerOnlyMethodAndAManagerIsServed() throws IOException {
    String target = serve(Access.MANAGER);
    CurrentIdentity worker = new CurrentIdentity(
        JoinClient.join(target, cluster.token(NodeRole.WORKER), "w1", "", store("w1"), TIMEOUT).identity());
    assertThatThrownBy(() -> renewOnce(channel(target, worker)))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(ClusterStatus.toShoal(e, target))
            .isInstanceOf(ForbiddenException.class)
            .hasMessage("Permission denied: remote certificate not part of OUs: [swarm-manager]"));
    CurrentIdentity m2 = new CurrentIdentity(
        JoinClient.join(target, cluster.token(NodeRole.MANAGER), "m2", "", store("m2"), TIMEOUT).identity());
    renewOnce(channel(target, m2));
  }

  @Test
  void aRemovedNodesCertificateIsRefused() throws IOException {
    String target = serve();
    CurrentIdentity worker = new CurrentIdentity(
        JoinClient.join(target, cluster.token(NodeRole.WORKER), "w1", "", store("w1"), TIMEOUT).identity());
    ManagedChannel ch = channel(target, worker);
    renewOnce(ch);
    cluster.removed.add(worker.get().nodeId());
    assertThatThrownBy(() -> renewOnce(ch))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(ClusterStatus.toShoal(e, target))
            .isInstanceOf(ForbiddenException.class)
            .hasMessage("Permission denied: node " + worker.get().nodeId() + " was removed from swarm"));
  }

  @Test
  void aCallWithoutACertificateIsRefusedOnAnyMethodButJoin() throws IOException {
    String target = serve();
    ManagedChannel ch = ClusterChannels.forJoin(target, new PinningTrustManager(cluster.root.digest()));
    closers.add(ch::shutdownNow);
    assertThatThrownBy(() -> renewOnce(ch))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getDescription()).isEqualTo(AuthInterceptor.NEEDS_CERTIFICATE));
  }

  @Test
  void aNodeOfAnotherSwarmCannotEvenCompleteTheHandshake() throws IOException {
    String target = serve(Access.ANY_NODE);
    TestCluster other = new TestCluster();
    CurrentIdentity stranger = new CurrentIdentity(other.issue(NodeRole.MANAGER));
    assertThatThrownBy(() -> renewOnce(channel(target, stranger)))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.UNAVAILABLE));
  }

  @Test
  void renewalGivesTheRoleTheManagersDecideNotTheOldCertificates() throws IOException {
    String target = serve();
    IdentityStore store = store("w1");
    CurrentIdentity node = new CurrentIdentity(
        JoinClient.join(target, cluster.token(NodeRole.WORKER), "w1", "", store, TIMEOUT).identity());
    String id = node.get().nodeId();
    cluster.nodes.computeIfPresent(id, (k, n) -> new JoiningNode(k, NodeRole.MANAGER, n.hostname(), n.advertiseAddr(), n.remoteHost()));
    ManagedChannel ch = channel(target, node);
    NodeIdentity promoted = new CertificateRenewer(node, store, () -> ch, new SplittableRandom(), Clock.systemUTC()).renew();
    assertThat(promoted.role()).isEqualTo(NodeRole.MANAGER);
    assertThat(promoted.nodeId()).isEqualTo(id);
    assertThat(node.get()).isEqualTo(promoted);
    assertThat(store.load()).contains(promoted);
  }

  @Test
  void aCertificateIsRenewedBeforeItExpiresAndTheNewOneIsUsed() throws Exception {
    cluster.certExpiry = Duration.ofSeconds(4);
    String target = serve();
    IdentityStore store = store("w1");
    CurrentIdentity worker = new CurrentIdentity(
        JoinClient.join(target, cluster.token(NodeRole.WORKER), "w1", "", store, TIMEOUT).identity());
    NodeIdentity first = worker.get();
    ManagedChannel ch = channel(target, worker);
    CertificateRenewer renewer = new CertificateRenewer(worker, store, () -> ch, new SplittableRandom(), Clock.systemUTC());
    Thread loop = Thread.ofVirtual().start(() -> {
      try {
        renewer.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    closers.add(() -> {
      renewer.stop();
      loop.join(TIMEOUT);
    });

    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (worker.get().equals(first) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Instant renewedAt = Instant.now();
    NodeIdentity second = worker.get();
    assertThat(second).isNotEqualTo(first);
    assertThat(renewedAt).isBefore(first.notAfter());
    assertThat(second.nodeId()).isEqualTo(first.nodeId());
    assertThat(second.role()).isEqualTo(NodeRole.WORKER);
    assertThat(second.key()).isNotEqualTo(first.key());
    assertThat(second.notAfter()).isAfter(first.notAfter());
    assertThat(store.load()).contains(second);
    renewer.stop();
    loop.join(TIMEOUT);
    assertThat(loop.isAlive()).isFalse();
  }
}
