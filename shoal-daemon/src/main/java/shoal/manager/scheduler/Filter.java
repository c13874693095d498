package shoal.manager.scheduler;

import shoal.manager.store.objects.TaskObject;

/**
 * One test a node must pass to take a task. A filter is set to one task at a time, then checks
 * nodes for it; not thread-safe (one scheduler pass owns it).
 */
public interface Filter {
  /** Prepares the filter for a task; false if the filter does not apply to it (then not checked). */
  boolean setTask(TaskObject task);

  /** Whether the node passes, for the task last set. */
  boolean check(NodeInfo node);

  /** Why {@code nodes} nodes failed this filter, in Docker's words. */
  String explain(int nodes);

  /** "1 node" or "3 nodes". */
  static String nodes(int n) {
    return n == 1 ? "1 node" : n + " nodes";
  }
}
