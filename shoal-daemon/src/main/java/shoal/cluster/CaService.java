package shoal.cluster;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.ForbiddenException;
import shoal.errors.ShoalException;
import shoal.proto.CertificateChain;
import shoal.proto.JoinRequest;
import shoal.proto.JoinResponse;
import shoal.proto.NodeCaGrpc;
import shoal.proto.RenewRequest;
import shoal.proto.RenewResponse;

/**
 * The manager's side of joining and renewal. Serve it with {@code Join} as
 * {@link Access#UNAUTHENTICATED} and {@code Renew} as {@link Access#ANY_NODE}.
 *
 * <p>Join checks everything that can be wrong (token, certificate request) before it records the
 * node, so a refused join leaves nothing in the cluster.
 */
public final class CaService extends NodeCaGrpc.NodeCaImplBase {
  private static final Logger log = LoggerFactory.getLogger(CaService.class);

  private final CaKeySource ca;
  private final NodeDirectory directory;
  private final Clock clock;

  public CaService(CaKeySource ca, NodeDirectory directory, Clock clock) {
    this.ca = ca;
    this.directory = directory;
    this.clock = clock;
  }

  @Override
  public void join(JoinRequest req, StreamObserver<JoinResponse> out) {
    answer(out, () -> {
      JoinToken token = JoinToken.parse(req.getToken());
      RootCa root = ca.rootCa();
      NodeRole role = ca.joinSecrets().admit(token, root.digest());
      String nodeId = ClusterIds.newId();
      X509Certificate cert = root.issue(req.getCsr().toByteArray(), nodeId, role, ca.clusterId(), ca.certExpiry(), clock.instant());
      directory.register(new JoiningNode(nodeId, role, req.getHostname(), req.getAdvertiseAddr(), Caller.remoteHost().orElse("")));
      log.info("node {} ({}) joined as {}", nodeId, req.getHostname(), role.dockerName());
      return JoinResponse.newBuilder().setNodeId(nodeId).setRole(role.toProto())
          .setCertificate(chain(cert, root)).addAllManagers(directory.managerAddresses()).build();
    });
  }

  @Override
  public void renew(RenewRequest req, StreamObserver<RenewResponse> out) {
    answer(out, () -> {
      Caller caller = Caller.require();
      NodeRole role = directory.roleOf(caller.nodeId())
          .orElseThrow(() -> new ForbiddenException(AuthInterceptor.removed(caller.nodeId())));
      RootCa root = ca.rootCa();
      X509Certificate cert = root.issue(req.getCsr().toByteArray(), caller.nodeId(), role, ca.clusterId(), ca.certExpiry(), clock.instant());
      log.info("renewed the certificate of node {} as {} until {}", caller.nodeId(), role.dockerName(), cert.getNotAfter().toInstant());
      return RenewResponse.newBuilder().setRole(role.toProto()).setCertificate(chain(cert, root)).build();
    });
  }

  private static CertificateChain chain(X509Certificate cert, RootCa root) {
    try {
      return CertificateChain.newBuilder().addCertificates(ByteString.copyFrom(cert.getEncoded()))
          .setRootCa(ByteString.copyFrom(root.certificate().getEncoded())).build();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> void answer(StreamObserver<T> out, Supplier<T> work) {
    T reply;
    try {
      reply = work.get();
    } catch (ShoalException e) {
      log.info("CA call refused: {}", e.getMessage());
      out.onError(ClusterStatus.toStatus(e));
      return;
    } catch (RuntimeException e) {
      log.warn("CA call failed", e);
      out.onError(ClusterStatus.toStatus(e));
      return;
    }
    out.onNext(reply);
    out.onCompleted();
  }
}
