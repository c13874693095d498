package shoal.swarm;

import java.util.List;
import shoal.manager.store.objects.ClusterObject;

/**
 * The Swarm section of {@code /info}.
 *
 * @param nodeAddr the IP address this node advertises
 * @param nodes how many nodes the swarm has (managers only; else null)
 * @param managers how many of them are managers (managers only; else null)
 * @param cluster the cluster object (managers only; else null)
 */
public record SwarmInfo(
    String nodeId, String nodeAddr, LocalNodeState state, boolean controlAvailable, String error,
    List<RemoteManager> remoteManagers, Integer nodes, Integer managers, ClusterObject cluster) {
  public SwarmInfo {
    remoteManagers = remoteManagers == null ? null : List.copyOf(remoteManagers);
  }

  /** A manager this node knows: its node ID (empty when not known) and cluster address. */
  public record RemoteManager(String nodeId, String addr) {}

  static SwarmInfo inactive(LocalNodeState state, String error) {
    return new SwarmInfo("", "", state, false, error == null ? "" : error, null, null, null, null);
  }
}
