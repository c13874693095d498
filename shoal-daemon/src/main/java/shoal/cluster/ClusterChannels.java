package shoal.cluster;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.concurrent.TimeUnit;

/** Client channels to a manager's cluster port ({@code host:port}). */
public final class ClusterChannels {
  /** Pings on an idle connection so a dead manager is noticed even between calls. */
  static final long KEEPALIVE_SECONDS = 10;

  private ClusterChannels() {}

  /** Mutual TLS as this node; the server must be a manager of this node's cluster. */
  public static ManagedChannel toManager(String target, CurrentIdentity self) {
    return NettyChannelBuilder.forTarget(target, ClusterTls.client(self))
        .overrideAuthority(NodeRole.MANAGER.ou())
        .keepAliveTime(KEEPALIVE_SECONDS, TimeUnit.SECONDS)
        .build();
  }

  /** Server-authenticated TLS only, the server pinned by {@code pinning}: for {@code Join}. */
  static ManagedChannel forJoin(String target, PinningTrustManager pinning) {
    return NettyChannelBuilder.forTarget(target, ClusterTls.join(pinning))
        .overrideAuthority(NodeRole.MANAGER.ou())
        .build();
  }
}
