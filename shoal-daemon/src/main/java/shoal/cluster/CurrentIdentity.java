package shoal.cluster;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The identity this node presents now. TLS contexts read it at every handshake, so a renewed
 * certificate is used by the next connection without restarting servers or channels.
 */
public final class CurrentIdentity {
  // One mechanism: the reference is replaced whole; readers never see a half-updated identity.
  private final AtomicReference<NodeIdentity> identity;

  public CurrentIdentity(NodeIdentity initial) {
    this.identity = new AtomicReference<>(Objects.requireNonNull(initial));
  }

  public NodeIdentity get() {
    return identity.get();
  }

  /** Replaces the identity; only by one of the same node in the same cluster. */
  public void set(NodeIdentity next) {
    NodeIdentity now = identity.get();
    if (!next.nodeId().equals(now.nodeId()) || !next.clusterId().equals(now.clusterId())) {
      throw new IllegalArgumentException("a renewed identity must keep node " + now.nodeId() + " of cluster " + now.clusterId());
    }
    identity.set(next);
  }
}
