package shoal.agent;

import io.grpc.ManagedChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import shoal.cluster.ClusterChannels;
import shoal.cluster.CurrentIdentity;

/**
 * One mutual-TLS channel per manager address, shared by the agent and the certificate renewer.
 * A channel reads the node's identity at each handshake, so renewals need no new channel.
 */
public final class ManagerChannels implements AutoCloseable {
  private final CurrentIdentity self;
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

  public ManagerChannels(CurrentIdentity self) {
    this.self = self;
  }

  public ManagedChannel get(String addr) {
    return channels.computeIfAbsent(addr, a -> ClusterChannels.toManager(a, self));
  }

  @Override
  public void close() {
    channels.values().forEach(ManagedChannel::shutdownNow);
    channels.clear();
  }
}
