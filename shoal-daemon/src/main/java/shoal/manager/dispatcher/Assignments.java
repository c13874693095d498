package shoal.manager.dispatcher;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import shoal.manager.store.StoreEvent;
import shoal.manager.store.objects.NetworkObject;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;
import shoal.proto.TaskAssignments;

/**
 * Which tasks each node runs, kept from the store's task events, and what each node has not been
 * told yet. A node learns of a task once it is placed on it (state assigned or later) and wanted
 * at least ready; after that only what it acts on is sent again: the desired state, a move, a
 * removal. A task's own status updates (the bulk of the events) cost a map lookup and nothing
 * else, so the fan-out stays proportional to what changed, whatever the number of nodes.
 *
 * <p>Used by the dispatcher's loop thread only.
 */
final class Assignments {
  // The allocated networks by ID, for the networks each assigned task carries.
  private final Function<String, NetworkObject> networks;
  // node ID → task ID → the task as last seen; only tasks the node is to know of.
  private final Map<String, Map<String, TaskObject>> byNode = new HashMap<>();
  // node ID → what changed since the last drain: task ID → the task (added or changed) or null
  // (removed). Insertion order, so that a node sees its changes in the order they happened.
  private final Map<String, Map<String, TaskObject>> pending = new HashMap<>();

  Assignments() {
    this(id -> null);
  }

  Assignments(Function<String, NetworkObject> networks) {
    this.networks = networks;
  }

  /** Whether {@code t}'s node is to know of it. */
  static boolean assigned(TaskObject t) {
    return !t.nodeId().isEmpty()
        && t.status().state().compareTo(TaskState.ASSIGNED) >= 0
        && t.desiredState().compareTo(TaskState.READY) >= 0;
  }

  /** Starts from the store's tasks (nothing pending: every node gets its full set when it registers). */
  void load(Collection<TaskObject> tasks) {
    byNode.clear();
    pending.clear();
    for (TaskObject t : tasks) {
      if (assigned(t)) {
        byNode.computeIfAbsent(t.nodeId(), n -> new HashMap<>()).put(t.id(), t);
      }
    }
  }

  /** Follows one store event; other kinds than tasks are ignored. */
  void apply(StoreEvent e) {
    switch (e) {
      case StoreEvent.Created c when c.object() instanceof TaskObject t -> changed(null, t);
      case StoreEvent.Updated u when u.object() instanceof TaskObject t -> changed((TaskObject) u.old(), t);
      case StoreEvent.Deleted d when d.old() instanceof TaskObject t -> changed(t, null);
      default -> { }
    }
  }

  private void changed(TaskObject old, TaskObject now) {
    boolean was = old != null && assigned(old);
    boolean is = now != null && assigned(now);
    if (was && (!is || !old.nodeId().equals(now.nodeId()))) {
      Map<String, TaskObject> tasks = byNode.get(old.nodeId());
      if (tasks != null && tasks.remove(old.id()) != null) {
        if (tasks.isEmpty()) {
          byNode.remove(old.nodeId());
        }
        pending.computeIfAbsent(old.nodeId(), n -> new LinkedHashMap<>()).put(old.id(), null);
      }
      was = false;
    }
    if (!is) {
      return;
    }
    byNode.computeIfAbsent(now.nodeId(), n -> new HashMap<>()).put(now.id(), now);
    if (!was || old.desiredState() != now.desiredState() || !old.spec().equals(now.spec())) {
      pending.computeIfAbsent(now.nodeId(), n -> new LinkedHashMap<>()).put(now.id(), now);
    }
  }

  /** Everything {@code nodeId} is to run, as the first message of its session. */
  TaskAssignments full(String nodeId) {
    TaskAssignments.Builder b = TaskAssignments.newBuilder().setFull(true);
    byNode.getOrDefault(nodeId, Map.of()).values().forEach(t -> b.addTasks(TaskProtos.assigned(t, networks)));
    return b.build();
  }

  /** The nodes with changes since the last call, and the changes; then forgets them. */
  Map<String, TaskAssignments> drain() {
    if (pending.isEmpty()) {
      return Map.of();
    }
    Map<String, TaskAssignments> out = new HashMap<>();
    pending.forEach((node, changes) -> {
      TaskAssignments.Builder b = TaskAssignments.newBuilder();
      changes.forEach((id, t) -> {
        if (t == null) {
          b.addRemoved(id);
        } else {
          b.addTasks(TaskProtos.assigned(t, networks));
        }
      });
      out.put(node, b.build());
    });
    pending.clear();
    return out;
  }
}
