package shoal.agent;

import shoal.errors.UnavailableException;

/**
 * Addresses on attachable swarm networks for standalone containers ({@code docker run --network
 * X}, {@code network connect X c} on any node), given by the leader's allocator.
 */
public interface NetworkAttacher {
  /**
   * An address for the container on the network.
   *
   * @param networkRef the network's name or ID
   * @throws shoal.errors.NotFoundException no such swarm network ({@code network X not found})
   * @throws shoal.errors.ForbiddenException the network is not attachable (Docker's words)
   * @throws UnavailableException not in a swarm, or no manager reachable
   */
  TaskNetwork attach(String networkRef, String containerId);

  /** Frees the container's address on the network; does nothing when it has none. */
  void detach(String containerId, String networkId);

  /** Not in a swarm: refuses every attachment. */
  NetworkAttacher NONE = new NetworkAttacher() {
    @Override
    public TaskNetwork attach(String networkRef, String containerId) {
      throw new UnavailableException(
          "This node is not part of a swarm: it cannot attach to a swarm network.");
    }

    @Override
    public void detach(String containerId, String networkId) {}
  };
}
