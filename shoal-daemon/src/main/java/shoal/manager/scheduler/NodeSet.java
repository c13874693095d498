package shoal.manager.scheduler;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.TaskObject;

/**
 * The nodes of one scheduling pass with their counts, updated as the pass places tasks, so that a
 * batch of tasks spreads as if placed one by one: on the node with the fewest tasks of the same
 * service, then the fewest tasks overall, then the smallest ID (so that a pass is repeatable).
 */
public final class NodeSet {
  private final Map<String, NodeInfo> nodes = new LinkedHashMap<>();

  /** The nodes with the active tasks among {@code tasks} counted. */
  public static NodeSet of(List<NodeObject> nodeList, List<TaskObject> tasks) {
    NodeSet set = new NodeSet();
    nodeList.stream().sorted(Comparator.comparing(NodeObject::id))
        .forEach(n -> set.nodes.put(n.id(), NodeInfo.of(n)));
    for (TaskObject t : tasks) {
      if (NodeInfo.active(t)) {
        set.nodes.computeIfPresent(t.nodeId(), (id, info) -> info.withTask(t.serviceId()));
      }
    }
    return set;
  }

  public Optional<NodeInfo> get(String nodeId) {
    return Optional.ofNullable(nodes.get(nodeId));
  }

  public int size() {
    return nodes.size();
  }

  /**
   * The best node for the task among those the pipeline lets through, or empty (then the
   * pipeline can explain why).
   */
  public Optional<NodeInfo> best(TaskObject task, Pipeline pipeline) {
    Comparator<NodeInfo> spread = Comparator.<NodeInfo>comparingInt(n -> n.tasksOf(task.serviceId()))
        .thenComparingInt(NodeInfo::activeTasks)
        .thenComparing(NodeInfo::id);
    NodeInfo best = null;
    for (NodeInfo n : nodes.values()) {
      if (pipeline.process(n) && (best == null || spread.compare(n, best) < 0)) {
        best = n;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Counts a task the pass just placed on the node. */
  public void place(TaskObject task, String nodeId) {
    nodes.computeIfPresent(nodeId, (id, info) -> info.withTask(task.serviceId()));
  }
}
