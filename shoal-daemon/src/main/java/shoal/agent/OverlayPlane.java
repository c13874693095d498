package shoal.agent;

import java.util.List;
import shoal.manager.store.objects.NetworkObject;

/**
 * What a node's session tells its overlay data plane. The agent calls it in order on its session
 * thread: a network always before the assignments and peers that need it, and its removal only
 * after the tasks and attachments using it left the node's assignments.
 */
public interface OverlayPlane {
  /**
   * The swarm networks this node is to know.
   *
   * @param full the node is to know exactly {@code networks} (a new session); otherwise {@code
   *     networks} are added or updated ones
   * @param removed IDs of networks the node no longer needs (no task or attachment of it uses them)
   */
  void networks(boolean full, List<NetworkObject> networks, List<String> removed);

  /**
   * The remote endpoints of one network.
   *
   * @param full {@code upserted} replaces the whole table (a new session)
   * @param upserted endpoints added, or changed (e.g. moved to another VTEP): replace their entries
   * @param removedEndpointIds endpoints gone from the network
   */
  void peers(String networkId, boolean full, List<OverlayPeer> upserted,
      List<String> removedEndpointIds);

  /** No data plane: a node that only follows its assignments (tests, or no overlay support). */
  OverlayPlane NONE = new OverlayPlane() {
    @Override
    public void networks(boolean full, List<NetworkObject> networks, List<String> removed) {}

    @Override
    public void peers(String networkId, boolean full, List<OverlayPeer> upserted,
        List<String> removedEndpointIds) {}
  };
}
