package shoal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityStoreTest {
  private final TestCluster cluster = new TestCluster();
  @TempDir Path dataRoot;

  @Test
  void pemRoundTripsKeysAndChains() {
    NodeIdentity id = cluster.issue(NodeRole.MANAGER);
    String pem = Pem.encode(id.key()) + Pem.encode(id.presentedChain());
    assertThat(Pem.privateKey(pem)).isEqualTo(id.key());
    assertThat(Pem.certificates(pem)).containsExactly(id.certificate(), id.root());
    assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----").contains("-----BEGIN CERTIFICATE-----");
    assertThatThrownBy(() -> Pem.privateKey(Pem.encode(List.of(id.root())))).hasMessage("no private key in PEM");
  }

  @Test
  void aSavedIdentityLoadsBackWithItsNodeIdRoleAndCluster() throws IOException {
    IdentityStore store = new IdentityStore(dataRoot);
    assertThat(store.load()).isEmpty();
    NodeIdentity id = cluster.issue(NodeRole.WORKER);
    store.save(id);
    NodeIdentity back = new IdentityStore(dataRoot).load().orElseThrow();
    assertThat(back).isEqualTo(id);
    assertThat(back.nodeId()).isEqualTo(id.nodeId());
    assertThat(back.role()).isEqualTo(NodeRole.WORKER);
    assertThat(back.clusterId()).isEqualTo(cluster.clusterId);
    assertThat(store.directory()).isEqualTo(dataRoot.resolve("swarm/certificates"));
  }

  @Test
  void filesAreReadableByRootOnlyAndNoTemporaryFileRemains() throws IOException {
    IdentityStore store = new IdentityStore(dataRoot);
    store.save(cluster.issue(NodeRole.WORKER));
    store.save(cluster.issue(NodeRole.WORKER));
    try (Stream<Path> files = Files.list(store.directory())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("swarm-node.pem", "swarm-root-ca.crt");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.directory().resolve("swarm-node.pem")))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.directory()))).isEqualTo("rwx------");
  }

  @Test
  void deleteForgetsTheIdentity() throws IOException {
    IdentityStore store = new IdentityStore(dataRoot);
    store.save(cluster.issue(NodeRole.MANAGER));
    store.delete();
    assertThat(store.load()).isEmpty();
    try (Stream<Path> files = Files.list(store.directory())) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aNodeFileBesideAnotherSwarmsRootIsRefused() throws IOException {
    IdentityStore store = new IdentityStore(dataRoot);
    store.save(cluster.issue(NodeRole.WORKER));
    Files.writeString(store.directory().resolve("swarm-root-ca.crt"), Pem.encode(List.of(new TestCluster().root.certificate())));
    assertThatThrownBy(store::load).isInstanceOf(IOException.class).hasMessageContaining("not signed by the cluster's root CA");
  }

  @Test
  void anIdentityNeedsTheKeyOfItsCertificate() {
    NodeIdentity a = cluster.issue(NodeRole.WORKER);
    NodeIdentity b = cluster.issue(NodeRole.WORKER);
    assertThatThrownBy(() -> new NodeIdentity(a.key(), b.chain(), a.root()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
  }
}
