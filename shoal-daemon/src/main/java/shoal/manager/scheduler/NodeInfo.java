package shoal.manager.scheduler;

import java.util.HashMap;
import java.util.Map;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.TaskObject;

/**
 * A node as the scheduler weighs it: the node, and the tasks it has or is about to run (assigned,
 * desired to run, not ended), counted per service.
 *
 * @param tasksByService active tasks per service ID
 * @param activeTasks active tasks of every service
 */
public record NodeInfo(NodeObject node, Map<String, Integer> tasksByService, int activeTasks) {
  public NodeInfo {
    tasksByService = Map.copyOf(tasksByService);
  }

  public static NodeInfo of(NodeObject node) {
    return new NodeInfo(node, Map.of(), 0);
  }

  /** Whether a task counts against its node: placed there, wanted running, not ended. */
  public static boolean active(TaskObject t) {
    return !t.nodeId().isEmpty() && t.desiredState().compareTo(TaskObject.TaskState.RUNNING) <= 0
        && !t.status().state().terminal();
  }

  public String id() {
    return node.id();
  }

  public int tasksOf(String serviceId) {
    return tasksByService.getOrDefault(serviceId, 0);
  }

  /** This node with one more active task of the service. */
  public NodeInfo withTask(String serviceId) {
    Map<String, Integer> counts = new HashMap<>(tasksByService);
    counts.merge(serviceId, 1, Integer::sum);
    return new NodeInfo(node, counts, activeTasks + 1);
  }
}
