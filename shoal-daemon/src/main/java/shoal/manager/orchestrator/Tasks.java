package shoal.manager.orchestrator;

import java.util.Map;
import java.util.Set;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;

/** What the orchestrators ask of a task. */
final class Tasks {
  private static final Set<TaskState> ENDED_BY_ITSELF =
      Set.of(TaskState.COMPLETE, TaskState.FAILED, TaskState.REJECTED, TaskState.ORPHANED);

  private Tasks() {}

  /** Wanted (desired RUNNING, or READY during a restart delay): the task holds its slot. */
  static boolean live(TaskObject t) {
    return t.desiredState().compareTo(TaskState.RUNNING) <= 0;
  }

  /** Its run ended without being asked to (exited, failed, rejected, lost). */
  static boolean endedByItself(TaskObject t) {
    return ENDED_BY_ITSELF.contains(t.status().state());
  }

  /** A node that is gone or Down: its tasks' fate is unknown, they count as stopped. */
  static boolean lost(String nodeId, Map<String, NodeObject> nodes) {
    NodeObject n = nodes.get(nodeId);
    return n == null || n.status().state() == NodeObject.State.DOWN;
  }

  /**
   * Whether the task no longer runs, as far as the manager can tell: it ended, never reached a
   * node, or its node is lost.
   */
  static boolean stopped(TaskObject t, Map<String, NodeObject> nodes) {
    return t.status().state().terminal() || t.nodeId().isEmpty()
        || t.status().state().compareTo(TaskState.ASSIGNED) < 0 || lost(t.nodeId(), nodes);
  }

  /** Why a live task needs replacing, or null if it does not. */
  static Trouble trouble(TaskObject t, Map<String, NodeObject> nodes) {
    if (t.status().state().terminal()) {
      return Trouble.ENDED;
    }
    if (t.nodeId().isEmpty()) {
      return null;
    }
    if (lost(t.nodeId(), nodes)) {
      return Trouble.NODE_LOST;
    }
    return nodes.get(t.nodeId()).spec().availability() == NodeObject.Availability.DRAIN
        ? Trouble.DRAINED
        : null;
  }

  /** Why a live task is replaced. */
  enum Trouble {
    /** It exited, failed or was rejected: the restart policy decides. */
    ENDED,
    /** Its node is Down or removed: replaced elsewhere at once (it did not crash). */
    NODE_LOST,
    /** Its node is drained: replaced elsewhere at once, the old one stops first. */
    DRAINED
  }
}
