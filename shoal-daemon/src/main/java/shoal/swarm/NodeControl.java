package shoal.swarm;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import shoal.errors.ConflictException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.manager.store.ManagerInfo;
import shoal.manager.store.Store;
import shoal.manager.store.StoreException;
import shoal.manager.store.Tx;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.NodeObject.Reachability;
import shoal.manager.store.objects.NodeObject.Role;

/**
 * {@code /nodes} on a manager: list, inspect, update and remove nodes, with swarmkit's rules
 * (a Ready node is removed only with force, a manager must be demoted first, the last manager is
 * never demoted, nor one whose removal would cost the Raft quorum).
 */
public final class NodeControl {
  private final Store store;
  private final String selfId;

  NodeControl(Store store, String selfId) {
    this.store = store;
    this.selfId = selfId;
  }

  /** This node's ID (the `*` of node ls). */
  public String selfId() {
    return selfId;
  }

  /** The swarm's root CA (PEM), which every node trusts; null before the cluster object exists. */
  public String trustRoot() {
    return store.viewLocal(tx -> tx.cluster().find()).map(c -> c.rootCa().certPem()).orElse(null);
  }

  public List<NodeObject> list(NodeFilter filter) {
    return read(tx -> tx.nodes().list(filter::matches)).stream().map(live()).toList();
  }

  /** A node by ID, hostname or unique ID prefix. */
  public NodeObject get(String ref) {
    return live().apply(read(tx -> resolve(tx, ref)));
  }

  /** {@code node update}: the new spec, if the node is still at {@code version}. */
  public void update(String ref, long version, NodeObject.Spec spec) {
    List<ManagerInfo> members = members();
    write(tx -> {
      NodeObject node = resolve(tx, ref);
      if (node.meta().version() != version) {
        throw new ConflictException(StoreErrors.OUT_OF_SEQUENCE);
      }
      if (node.spec().desiredRole() == Role.MANAGER && spec.desiredRole() == Role.WORKER) {
        List<NodeObject> managers = tx.nodes().withRole(Role.MANAGER);
        if (managers.size() == 1 && managers.getFirst().id().equals(node.id())) {
          throw new InvalidArgumentException("attempting to demote the last manager of the swarm");
        }
        if (!canRemove(members, node.id())) {
          throw new InvalidArgumentException("can't remove member from the raft: this would result in a loss of quorum");
        }
      }
      tx.nodes().update(node.withSpec(spec));
      return null;
    });
  }

  /** {@code node rm}. */
  public void remove(String ref, boolean force) {
    List<ManagerInfo> members = members();
    write(tx -> {
      NodeObject node = resolve(tx, ref);
      if (members.stream().anyMatch(m -> m.nodeId().equals(node.id()))) {
        throw new InvalidArgumentException("node " + node.id()
            + " is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal");
      }
      if (!force && node.status().state() == NodeObject.State.READY) {
        throw new InvalidArgumentException("node " + node.id() + " is not down and can't be removed");
      }
      tx.nodes().delete(node.id());
      return null;
    });
  }

  /**
   * Whether the group keeps its quorum without {@code nodeId}: the managers still reachable
   * must be a majority of the smaller group. Managers whose reachability this manager cannot see
   * (a follower's view) count as reachable.
   */
  static boolean canRemove(List<ManagerInfo> members, String nodeId) {
    if (members.stream().noneMatch(m -> m.nodeId().equals(nodeId))) {
      return true;
    }
    int after = members.size() - 1;
    long reachable = members.stream()
        .filter(m -> !m.nodeId().equals(nodeId) && m.reachability() != Reachability.UNREACHABLE)
        .count();
    return after > 0 && reachable >= after / 2 + 1;
  }

  static NodeObject resolve(Tx tx, String ref) {
    if (ref == null || ref.isBlank()) {
      throw new InvalidArgumentException("a node ID, hostname or ID prefix is required");
    }
    var exact = tx.nodes().find(ref);
    if (exact.isPresent()) {
      return exact.get();
    }
    List<NodeObject> byName = tx.nodes().list(n -> ref.equals(n.description().hostname()) || ref.equals(n.spec().name()));
    List<NodeObject> found = byName.isEmpty() ? tx.nodes().list(n -> n.id().startsWith(ref)) : byName;
    if (found.isEmpty()) {
      throw new NotFoundException("node " + ref + " not found");
    }
    if (found.size() > 1) {
      throw new InvalidArgumentException("node " + ref + " is ambiguous (" + found.size() + " matches found)");
    }
    return found.getFirst();
  }

  /**
   * The manager status as the Raft group shows it now (leader known on every manager), keeping
   * the leader's record of reachability where this manager cannot see it.
   */
  private Function<NodeObject, NodeObject> live() {
    Map<String, ManagerInfo> members = members().stream().collect(Collectors.toMap(ManagerInfo::nodeId, m -> m));
    if (members.isEmpty()) {
      return n -> n;
    }
    return n -> {
      ManagerInfo m = members.get(n.id());
      if (m == null) {
        return n.managerStatus() == null ? n : n.withManagerStatus(null);
      }
      Reachability r = m.leader() ? Reachability.REACHABLE
          : m.reachability() != Reachability.UNKNOWN ? m.reachability()
          : n.managerStatus() != null ? n.managerStatus().reachability() : Reachability.UNKNOWN;
      return n.withManagerStatus(new NodeObject.ManagerStatus(n.id(), Addresses.clusterOfRaft(m.addr()), r, m.leader()));
    };
  }

  private List<ManagerInfo> members() {
    try {
      return store.managers();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private <T> T read(Function<Tx, T> fn) {
    try {
      return store.view(fn);
    } catch (StoreException e) {
      throw StoreErrors.map(e);
    }
  }

  private void write(Function<Tx, Void> fn) {
    try {
      store.update(fn);
    } catch (StoreException e) {
      throw StoreErrors.map(e);
    }
  }
}
