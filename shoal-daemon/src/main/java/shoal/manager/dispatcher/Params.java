package shoal.manager.dispatcher;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import shoal.manager.store.objects.NodeObject;
import shoal.proto.Manager;
import shoal.proto.NodeRole;
import shoal.proto.SessionParams;

/** What the dispatcher tells an agent: the heartbeat period, the managers and the node's role. */
final class Params {
  private Params() {}

  static SessionParams of(NodeObject node, HeartbeatPolicy policy, List<Manager> managers) {
    return SessionParams.newBuilder()
        .setHeartbeatPeriodMs(policy.period().toMillis())
        .addAllManagers(managers)
        .setRole(node.role() == NodeObject.Role.MANAGER ? NodeRole.NODE_ROLE_MANAGER : NodeRole.NODE_ROLE_WORKER)
        .build();
  }

  /** The managers agents may dial, the leader first. */
  static List<Manager> managersOf(Collection<NodeObject> nodes) {
    return nodes.stream()
        .filter(n -> n.role() == NodeObject.Role.MANAGER && n.managerStatus() != null
            && n.managerStatus().addr() != null && !n.managerStatus().addr().isEmpty())
        .sorted(Comparator.comparing((NodeObject n) -> !n.managerStatus().leader()).thenComparing(NodeObject::id))
        .map(n -> Manager.newBuilder().setNodeId(n.id()).setAddr(n.managerStatus().addr()).build())
        .toList();
  }
}
