package shoal.cli.commands.service;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import shoal.cli.CliException;
import shoal.cli.format.Ids;
import shoal.cli.json.Jv;

/**
 * What the progress display shows of a service's tasks at each poll: the overall count of
 * running tasks and one line per task (per slot of a replicated service, per node of a global
 * one), up to 20 lines. Slots and nodes are shown in order, where docker shows them in a random one.
 */
abstract class ConvergenceView {
  static final int MAX_LINES = 20;
  private static final int MAX_ERROR_BYTES = 75;

  final ProgressOutput out;
  boolean initialized;
  boolean done;

  ConvergenceView(ProgressOutput out) {
    this.out = out;
  }

  static ConvergenceView of(Object service, ProgressOutput out) {
    if (Jv.get(service, "Spec", "Mode", "Replicated", "Replicas") != null) {
      return new Replicated(out);
    }
    if (Jv.get(service, "Spec", "Mode", "Global") != null) {
      return new Global(out);
    }
    throw new CliException("unrecognized service mode");
  }

  /** Shows this poll's state; true when every task the service wants runs. */
  abstract boolean update(Object service, List<Object> tasks, Set<String> activeNodes, boolean rollback);

  void overall(long running, long total, boolean rollback) {
    out.progress("overall progress", (rollback ? "rolling back update: " : "") + running + " out of " + total + " tasks", 0, 0);
  }

  /** One task's line: its error, or its state and bar while it has not ended. */
  void taskLine(String id, Object task) {
    String err = Jv.str(task, "Status", "Err");
    if (!err.isEmpty()) {
      out.progress(id, truncated(err), 0, 0);
      return;
    }
    String state = Jv.str(task, "Status", "State");
    if (!TaskStates.terminal(Jv.str(task, "DesiredState")) && !TaskStates.terminal(state)) {
      out.progress(id, String.format("%-" + TaskStates.LONGEST + "s", state), TaskStates.rank(state), TaskStates.RUNNING);
    }
  }

  /** On one line, at most 75 bytes with an ellipsis, as docker cuts it. */
  static String truncated(String err) {
    String oneLine = err.replace("\n", " ");
    byte[] b = oneLine.getBytes(StandardCharsets.UTF_8);
    if (b.length <= MAX_ERROR_BYTES) {
      return oneLine;
    }
    return new String(Arrays.copyOf(b, MAX_ERROR_BYTES - 1), StandardCharsets.UTF_8) + "…";
  }

  static boolean running(Object task) {
    return !TaskStates.terminal(Jv.str(task, "DesiredState")) && Jv.str(task, "Status", "State").equals("running");
  }

  /**
   * One task per key (slot or node): the one with the lowest desired state, then the lowest
   * observed state (two can share a slot during a restart or a start-first update).
   */
  static <K extends Comparable<K>> Map<K, Object> latest(List<Object> tasks, Function<Object, K> key, Set<String> activeNodes) {
    Map<K, Object> by = new TreeMap<>();
    for (Object t : tasks) {
      long desired = TaskStates.rank(Jv.str(t, "DesiredState"));
      long state = TaskStates.rank(Jv.str(t, "Status", "State"));
      if (desired == 0 || state == 0) {
        continue;
      }
      Object existing = by.get(key.apply(t));
      if (existing != null) {
        long existingDesired = TaskStates.rank(Jv.str(existing, "DesiredState"));
        if (existingDesired < desired
            || existingDesired == desired && TaskStates.rank(Jv.str(existing, "Status", "State")) <= state) {
          continue;
        }
      }
      String node = Jv.str(t, "NodeID");
      if (activeNodes != null && !node.isEmpty() && !activeNodes.contains(node)) {
        continue;
      }
      by.put(key.apply(t), t);
    }
    return by;
  }

  /** A replicated service: slots mapped to lines 1..N in the order they first appear. */
  static final class Replicated extends ConvergenceView {
    private final Map<Long, Integer> lineOfSlot = new TreeMap<>();

    Replicated(ProgressOutput out) {
      super(out);
    }

    @Override
    boolean update(Object service, List<Object> tasks, Set<String> activeNodes, boolean rollback) {
      long replicas = Jv.lng(service, "Spec", "Mode", "Replicated", "Replicas");
      if (!initialized) {
        overall(0, replicas, rollback);
        if (replicas <= MAX_LINES) {
          for (long i = 1; i <= replicas; i++) {
            out.progress(i + "/" + replicas, " ", 0, 0);
          }
        }
        initialized = true;
      }
      Map<Long, Object> bySlot = latest(tasks, t -> Jv.lng(t, "Slot"), activeNodes);
      if (done && bySlot.values().stream().anyMatch(t -> !Jv.str(t, "Status", "State").equals("running"))) {
        done = false;
      }
      long running = 0;
      for (Map.Entry<Long, Object> e : bySlot.entrySet()) {
        int line = lineOfSlot.computeIfAbsent(e.getKey(), s -> lineOfSlot.size() + 1);
        if (running(e.getValue())) {
          running++;
        }
        if (!done && replicas <= MAX_LINES && line <= replicas) {
          taskLine(line + "/" + replicas, e.getValue());
        }
      }
      if (!done) {
        overall(running, replicas, rollback);
        done = running == replicas;
      }
      return running == replicas;
    }
  }

  /** A global service: one line per node with a task, the nodes known from the tasks themselves. */
  static final class Global extends ConvergenceView {
    Global(ProgressOutput out) {
      super(out);
    }

    @Override
    boolean update(Object service, List<Object> tasks, Set<String> activeNodes, boolean rollback) {
      Map<String, Object> byNode = latest(tasks, t -> Jv.str(t, "NodeID"), null);
      int nodes = byNode.size();
      if (!initialized) {
        if (nodes == 0) {
          // the orchestrator has not made the tasks yet, or no node meets the constraints
          out.progress("overall progress", "waiting for new tasks", 0, 0);
          return false;
        }
        overall(0, nodes, rollback);
        initialized = true;
      }
      if (done && byNode.values().stream().anyMatch(t -> !Jv.str(t, "Status", "State").equals("running"))) {
        done = false;
      }
      long running = 0;
      for (Map.Entry<String, Object> e : byNode.entrySet()) {
        if (activeNodes.contains(e.getKey())) {
          if (running(e.getValue())) {
            running++;
          }
          if (!done && nodes <= MAX_LINES) {
            taskLine(Ids.truncate(e.getKey()), e.getValue());
          }
        }
      }
      if (!done) {
        overall(running, nodes, rollback);
        done = running == nodes;
      }
      return running == nodes;
    }
  }
}
