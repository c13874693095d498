package shoal.cluster;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces {@link Access} per method. The caller's node ID and role come from the certificate it
 * presented in the TLS handshake (already checked against the root CA by the TLS layer); a method
 * that is not in the policy is refused to everyone.
 */
final class AuthInterceptor implements ServerInterceptor {
  static final String NEEDS_CERTIFICATE = "Permission denied: this call needs a node certificate of this swarm";
  private static final Logger log = LoggerFactory.getLogger(AuthInterceptor.class);

  private final Map<String, Access> policy;
  private final RemovedNodes removed;

  AuthInterceptor(Map<String, Access> policy, RemovedNodes removed) {
    this.policy = Map.copyOf(policy);
    this.removed = removed;
  }

  /** Docker's words for a worker calling a manager's method. */
  static String notManager() {
    return "Permission denied: remote certificate not part of OUs: [" + NodeRole.MANAGER.ou() + "]";
  }

  /** Docker's words for a removed node. */
  static String removed(String nodeId) {
    return "Permission denied: node " + nodeId + " was removed from swarm";
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getFullMethodName();
    Access access = policy.get(method);
    Caller caller = callerOf(call);
    Status refusal = null;
    if (access == null) {
      refusal = Status.PERMISSION_DENIED.withDescription("Permission denied: " + method + " is not served on the cluster port");
    } else if (access != Access.UNAUTHENTICATED) {
      if (caller == null) {
        refusal = Status.UNAUTHENTICATED.withDescription(NEEDS_CERTIFICATE);
      } else if (removed.isRemoved(caller.nodeId())) {
        refusal = Status.PERMISSION_DENIED.withDescription(removed(caller.nodeId()));
      } else if (access == Access.MANAGER && caller.role() != NodeRole.MANAGER) {
        refusal = Status.PERMISSION_DENIED.withDescription(notManager());
      }
    }
    if (refusal != null) {
      log.debug("refused {} to {}: {}", method, caller == null ? call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR) : caller, refusal.getDescription());
      call.close(refusal, new Metadata());
      return new ServerCall.Listener<>() {};
    }
    Context ctx = Context.current().withValue(Caller.REMOTE_HOST, remoteHost(call));
    if (caller != null) {
      ctx = ctx.withValue(Caller.KEY, caller);
    }
    return Contexts.interceptCall(ctx, call, headers, next);
  }

  private static String remoteHost(ServerCall<?, ?> call) {
    return call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR) instanceof InetSocketAddress a && a.getAddress() != null
        ? a.getAddress().getHostAddress()
        : null;
  }

  private static Caller callerOf(ServerCall<?, ?> call) {
    SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
    if (session == null) {
      return null;
    }
    try {
      Certificate[] peer = session.getPeerCertificates();
      if (peer.length == 0 || !(peer[0] instanceof X509Certificate leaf)) {
        return null;
      }
      return new Caller(Certificates.nodeId(leaf), Certificates.role(leaf), Certificates.clusterId(leaf));
    } catch (SSLPeerUnverifiedException | IllegalArgumentException e) {
      return null;
    }
  }
}
