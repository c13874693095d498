package shoal.swarm;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import shoal.manager.store.StoreException;
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.NodeObject;

/** The Swarm section of {@code /info} for a node in a swarm. */
final class SwarmInfos {
  /** What a manager answers a node whose certificate it refuses because the node was removed. */
  static final String REMOVED = "was removed from swarm";

  private SwarmInfos() {}

  static SwarmInfo of(SwarmNode n) {
    String addr = Addresses.hostOf(n.state().advertiseAddr());
    String why = n.sessionError();
    if (why != null && why.contains(REMOVED)) {
      // The managers refuse this node's certificate: only leaving (and joining again) helps.
      return new SwarmInfo(n.nodeId(), addr, LocalNodeState.ERROR, false, why, List.of(), null, null, null);
    }
    Optional<ManagerNode> m = n.manager();
    if (m.isEmpty()) {
      List<SwarmInfo.RemoteManager> remotes = n.knownManagers().stream()
          .map(a -> new SwarmInfo.RemoteManager("", a)).toList();
      return new SwarmInfo(n.nodeId(), addr, LocalNodeState.ACTIVE, false, "", remotes, null, null, null);
    }
    record View(List<NodeObject> nodes, ClusterObject cluster) {}
    View v;
    try {
      v = m.get().store().viewLocal(tx -> new View(tx.nodes().list(), tx.cluster().find().orElse(null)));
    } catch (StoreException e) {
      return new SwarmInfo(n.nodeId(), addr, LocalNodeState.ERROR, true, e.getMessage(), List.of(), null, null, null);
    }
    List<SwarmInfo.RemoteManager> remotes = v.nodes().stream()
        .filter(x -> x.managerStatus() != null && x.managerStatus().addr() != null)
        .sorted(Comparator.comparing(NodeObject::id))
        .map(x -> new SwarmInfo.RemoteManager(x.id(), x.managerStatus().addr()))
        .toList();
    int managers = (int) v.nodes().stream().filter(x -> x.role() == NodeObject.Role.MANAGER).count();
    return new SwarmInfo(n.nodeId(), addr, LocalNodeState.ACTIVE, true, "", remotes, v.nodes().size(), managers, v.cluster());
  }
}
