package shoal.cluster;

import io.grpc.Context;
import java.util.Optional;

/**
 * The node calling the current gRPC method, as its certificate says. Set by
 * {@link AuthInterceptor}; services read it with {@link #current()} and never trust a node ID a
 * request carries.
 */
public record Caller(String nodeId, NodeRole role, String clusterId) {
  static final Context.Key<Caller> KEY = Context.key("shoal.cluster.caller");
  static final Context.Key<String> REMOTE_HOST = Context.key("shoal.cluster.remote-host");

  /** The IP address the current call's connection comes from, as this server sees it. */
  public static Optional<String> remoteHost() {
    return Optional.ofNullable(REMOTE_HOST.get());
  }

  /** The caller of the method running on this thread; empty in an unauthenticated method. */
  public static Optional<Caller> current() {
    return Optional.ofNullable(KEY.get());
  }

  /** The caller of an authenticated method (one not {@link Access#UNAUTHENTICATED}). */
  public static Caller require() {
    Caller c = KEY.get();
    if (c == null) {
      throw new IllegalStateException("no authenticated caller: is this method registered as UNAUTHENTICATED?");
    }
    return c;
  }
}
