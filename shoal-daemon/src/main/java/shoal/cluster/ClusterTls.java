package shoal.cluster;

import io.grpc.ChannelCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;

/**
 * TLS for the cluster port. The server asks for a client certificate but lets a call without one
 * through the handshake, because {@code Join} needs that; {@link AuthInterceptor} then refuses
 * every other method to such a caller. Clients always present their certificate and accept only a
 * manager of their own cluster. A joining client has no certificate and pins the CA instead.
 */
public final class ClusterTls {
  private ClusterTls() {}

  public static ServerCredentials server(CurrentIdentity self) {
    return TlsServerCredentials.newBuilder()
        .keyManager(new IdentityKeyManager(self))
        .trustManager(new ClusterTrustManager(self, null))
        .clientAuth(TlsServerCredentials.ClientAuth.OPTIONAL)
        .build();
  }

  public static ChannelCredentials client(CurrentIdentity self) {
    return TlsChannelCredentials.newBuilder()
        .keyManager(new IdentityKeyManager(self))
        .trustManager(new ClusterTrustManager(self, NodeRole.MANAGER))
        .build();
  }

  /** This node's certificate for other TLS users, e.g. the managers' Raft traffic ({@code RaftTls.mutual}). */
  public static javax.net.ssl.KeyManager keyManager(CurrentIdentity self) {
    return new IdentityKeyManager(self);
  }

  /** Trusts chains of this node's cluster (any role), for other TLS users such as Raft. */
  public static javax.net.ssl.X509TrustManager trustManager(CurrentIdentity self) {
    return new ClusterTrustManager(self, null);
  }

  static ChannelCredentials join(PinningTrustManager pinning) {
    return TlsChannelCredentials.newBuilder().trustManager(pinning).build();
  }
}
