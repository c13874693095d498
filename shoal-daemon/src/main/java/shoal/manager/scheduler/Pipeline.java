package shoal.manager.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shoal.manager.store.objects.TaskObject;

/**
 * The filters a node must pass for a task, in order (a node stops at the first it fails), and
 * how many nodes each one turned away, to tell the user why a task found no node.
 */
public final class Pipeline {
  private final List<Filter> filters;
  private final boolean[] enabled;
  private final int[] failures;

  public Pipeline(List<Filter> filters) {
    this.filters = List.copyOf(filters);
    this.enabled = new boolean[filters.size()];
    this.failures = new int[filters.size()];
  }

  /** Docker's filters: ready, availability, constraints, max replicas per node. */
  public static Pipeline standard() {
    return new Pipeline(List.of(new ReadyFilter(), new AvailabilityFilter(),
        new ConstraintFilter(), new MaxReplicasFilter()));
  }

  /** Sets up the filters for a task and forgets the counts of the last one. */
  public void setTask(TaskObject task) {
    for (int i = 0; i < filters.size(); i++) {
      enabled[i] = filters.get(i).setTask(task);
      failures[i] = 0;
    }
  }

  /** Whether the node passes every filter that applies to the task. */
  public boolean process(NodeInfo node) {
    for (int i = 0; i < filters.size(); i++) {
      if (enabled[i] && !filters.get(i).check(node)) {
        failures[i]++;
        return false;
      }
    }
    return true;
  }

  /**
   * Why the nodes processed since {@link #setTask} failed: the most common reason first, joined
   * with "; ". Filters that say the same thing (ready, availability) are counted together.
   */
  public String explain() {
    Map<String, Integer> byReason = new LinkedHashMap<>();
    Map<String, Filter> sayer = new LinkedHashMap<>();
    for (int i = 0; i < filters.size(); i++) {
      if (failures[i] > 0) {
        String reason = filters.get(i).explain(1);
        byReason.merge(reason, failures[i], Integer::sum);
        sayer.putIfAbsent(reason, filters.get(i));
      }
    }
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(byReason.entrySet());
    sorted.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()));
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Integer> e : sorted) {
      parts.add(sayer.get(e.getKey()).explain(e.getValue()));
    }
    return String.join("; ", parts);
  }
}
