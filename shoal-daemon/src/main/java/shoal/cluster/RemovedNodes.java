package shoal.cluster;

/** The manager's knowledge of which node certificates no longer admit their holder. */
@FunctionalInterface
public interface RemovedNodes {
  /**
   * True when {@code nodeId} was removed from the swarm (or is otherwise unknown to it): its
   * certificate, though validly signed, is then refused on every call. Called on every
   * authenticated call, so it must be a cheap in-memory read.
   */
  boolean isRemoved(String nodeId);
}
