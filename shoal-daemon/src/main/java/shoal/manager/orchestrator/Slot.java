package shoal.manager.orchestrator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;
import shoal.manager.store.objects.TaskTemplate;

/**
 * The tasks that held one place of a service, oldest first: a replica number, or a node for a
 * global service. Tasks desired REMOVE no longer belong to any slot.
 *
 * @param key the replica number, or the node ID (global)
 */
record Slot(String key, List<TaskObject> tasks) {
  static final Comparator<TaskObject> OLDEST_FIRST =
      Comparator.comparing((TaskObject t) -> t.meta().createdAt()).thenComparing(TaskObject::id);

  /** A replicated service's tasks by replica number, in number order. */
  static Map<Long, Slot> byNumber(List<TaskObject> serviceTasks) {
    return group(serviceTasks, TaskObject::slot);
  }

  /** A global service's tasks by node ID. */
  static Map<String, Slot> byNode(List<TaskObject> serviceTasks) {
    return group(serviceTasks, TaskObject::nodeId);
  }

  private static <K extends Comparable<K>> Map<K, Slot> group(
      List<TaskObject> serviceTasks, Function<TaskObject, K> keyOf) {
    Map<K, List<TaskObject>> byKey = new TreeMap<>();
    for (TaskObject t : serviceTasks) {
      if (t.desiredState() != TaskState.REMOVE) {
        byKey.computeIfAbsent(keyOf.apply(t), k -> new ArrayList<>()).add(t);
      }
    }
    Map<K, Slot> slots = new TreeMap<>();
    byKey.forEach((k, list) -> {
      list.sort(OLDEST_FIRST);
      slots.put(k, new Slot(String.valueOf(k), List.copyOf(list)));
    });
    return slots;
  }

  /** The tasks that hold the slot now (normally one; two during a start-first update). */
  List<TaskObject> live() {
    return tasks.stream().filter(Tasks::live).toList();
  }

  TaskObject latest() {
    return tasks.getLast();
  }

  /**
   * Whether the slot was left empty on purpose: its last task ended by itself and the restart
   * policy did not replace it. Such a slot gets a task again only with a new task template.
   */
  boolean deadByPolicy(TaskTemplate template) {
    TaskObject last = latest();
    return !Tasks.live(last) && Tasks.endedByItself(last) && last.spec().equals(template);
  }
}
