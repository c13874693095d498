package shoal.cluster;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.InvalidArgumentException;
import shoal.errors.SystemException;
import shoal.proto.CertificateChain;
import shoal.proto.JoinRequest;
import shoal.proto.JoinResponse;
import shoal.proto.NodeCaGrpc;

/**
 * The joining node's side: makes a key, dials the manager pinning the token's CA, proves the
 * token, and stores the identity it gets. Until the very last step nothing is written, so a
 * refused join leaves nothing on this node either.
 */
public final class JoinClient {
  private static final Logger log = LoggerFactory.getLogger(JoinClient.class);

  private JoinClient() {}

  /** A joined node: its identity (already stored) and the managers it can reach. */
  public record Joined(NodeIdentity identity, List<String> managers) {}

  /**
   * Joins the swarm of the manager at {@code target} ({@code host:port}).
   *
   * @param advertiseAddr host:port to be reached at, or empty to let the manager choose
   * @throws InvalidArgumentException a malformed, wrong or rotated token, or a manager whose CA is
   *     not the token's
   * @throws shoal.errors.UnavailableException the manager cannot be reached within {@code timeout}
   */
  public static Joined join(String target, String token, String hostname, String advertiseAddr,
      IdentityStore store, Duration timeout) throws IOException {
    JoinToken parsed = JoinToken.parse(token);
    KeyPair keys = Certificates.newKeyPair();
    PinningTrustManager pinning = new PinningTrustManager(parsed.caDigest());
    ManagedChannel channel = ClusterChannels.forJoin(target, pinning);
    JoinResponse resp;
    try {
      resp = NodeCaGrpc.newBlockingStub(channel).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .join(JoinRequest.newBuilder().setToken(parsed.format()).setCsr(ByteString.copyFrom(Certificates.csr(keys)))
              .setHostname(hostname).setAdvertiseAddr(advertiseAddr).build());
    } catch (StatusRuntimeException e) {
      if (pinning.refusal() != null) {
        throw new InvalidArgumentException(pinning.refusal(), e);
      }
      throw ClusterStatus.toShoal(e, target);
    } finally {
      channel.shutdownNow();
    }
    NodeIdentity identity = identity(keys, resp.getCertificate(), parsed.caDigest());
    if (!identity.nodeId().equals(resp.getNodeId()) || identity.role() != NodeRole.ofProto(resp.getRole())) {
      throw new SystemException("the manager at " + target + " answered with a certificate for another node: " + identity);
    }
    store.save(identity);
    log.info("joined swarm {} as node {} ({})", identity.clusterId(), identity.nodeId(), identity.role().dockerName());
    return new Joined(identity, List.copyOf(resp.getManagersList()));
  }

  /** The identity of {@code keys} certified by {@code chain}, whose root must be the pinned one. */
  static NodeIdentity identity(KeyPair keys, CertificateChain chain, String caDigest) {
    try {
      CertificateFactory f = CertificateFactory.getInstance("X.509");
      X509Certificate root = (X509Certificate) f.generateCertificate(new ByteArrayInputStream(chain.getRootCa().toByteArray()));
      if (!JoinToken.digestOf(root).equals(caDigest)) {
        throw new SystemException("the manager sent a root CA that is not the swarm's: remote CA does not match fingerprint. Expected: " + caDigest);
      }
      List<X509Certificate> certs = new ArrayList<>();
      for (ByteString der : chain.getCertificatesList()) {
        certs.add((X509Certificate) f.generateCertificate(new ByteArrayInputStream(der.toByteArray())));
      }
      return new NodeIdentity(keys.getPrivate(), certs, root);
    } catch (CertificateException | IllegalArgumentException e) {
      throw new SystemException("the manager sent an unusable certificate: " + e.getMessage(), e);
    }
  }
}
