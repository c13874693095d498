package shoal.net;

import shoal.errors.UnavailableException;
import shoal.net.ipam.Ipv4Address;

/**
 * Where a standalone container's address on an attachable overlay network comes from (the swarm's
 * managers, through the node's session). Implemented on the swarm side of the node.
 */
public interface OverlayAttacher {
  /**
   * The network (as this node instantiates it) and the container's address on it.
   *
   * @throws shoal.errors.NotFoundException no such swarm network
   * @throws shoal.errors.ForbiddenException the network is not attachable
   * @throws UnavailableException not in a swarm, or no manager reachable
   */
  Attached attach(String networkRef, String containerId);

  /** Gives the container's address back; nothing when it has none. */
  void detach(String containerId, String networkId);

  record Attached(Network network, Ipv4Address address) {}

  OverlayAttacher NONE = new OverlayAttacher() {
    @Override
    public Attached attach(String networkRef, String containerId) {
      throw new UnavailableException("This node is not part of a swarm: it cannot attach to a swarm network.");
    }

    @Override
    public void detach(String containerId, String networkId) {}
  };
}
