package shoal.manager.orchestrator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import shoal.manager.store.Tx;
import shoal.manager.store.objects.Ids;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.RestartPolicy;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;

/**
 * Replacing a task in its slot, as the restart policy says, and starting a replacement that waits
 * (desired READY) once its time has come. Shared by the replicated and global orchestrators, each
 * with its own instance.
 *
 * <p>A replacement waits until the task it replaces stopped (ended, or its node is lost), then
 * for the restart delay if that task ended by itself (not when its node was lost, drained or the
 * service updated), counted from when the replacement was made. The delay throttles a crashing
 * container; a task whose node died did not crash, so Shoal replaces it at once where swarmkit
 * waits the delay too (5 s by default, a third of Docker's 17.7 s to a replacement). Like swarmkit, the attempts counted
 * against {@code maxAttempts} live in the leader's memory: a new leader starts counting afresh.
 */
final class Restarts {
  /** The most restarts remembered per slot (enough for any sensible max attempts). */
  private static final int HISTORY_LIMIT = 64;

  // Loop thread only. Per "service/slot", the tasks replaced and when (keyed by task so that a
  // transaction run again after a clash does not count twice).
  private final Map<String, LinkedHashMap<String, Instant>> history = new HashMap<>();

  /**
   * Shuts a live task down and, if the restart policy says so and no other live task holds the
   * slot, makes its replacement in the same slot (same node for a global service).
   */
  void replace(Tx tx, ServiceObject service, Slot slot, TaskObject old, Tasks.Trouble why,
      Map<String, NodeObject> nodes, Instant now) {
    tx.tasks().update(old.withDesiredState(TaskState.SHUTDOWN));
    boolean slotHeld = slot.live().stream().anyMatch(t -> !t.id().equals(old.id()));
    if (slotHeld || !shouldRestart(service.id(), slot, old, now)) {
      return;
    }
    remember(service.id(), slot, old, now);
    boolean global = service.spec().mode().isGlobal();
    TaskObject task = TaskObject.newTask(Ids.newId(), service, old.slot(),
        global ? old.nodeId() : "", now);
    boolean startNow = Tasks.stopped(old, nodes)
        && (why != Tasks.Trouble.ENDED || delayOf(task).isZero());
    tx.tasks().create(task.withDesiredState(startNow ? TaskState.RUNNING : TaskState.READY));
  }

  /**
   * Lets the slot's waiting task (desired READY) run once the others stopped and its delay is
   * over; returns when to look again, or null.
   */
  Instant startWaiting(Tx tx, Slot slot, Map<String, NodeObject> nodes, Instant now) {
    Instant wake = null;
    for (TaskObject t : slot.tasks()) {
      if (t.desiredState() != TaskState.READY) {
        continue;
      }
      TaskObject previous = null;
      boolean othersStopped = true;
      for (TaskObject o : slot.tasks()) {
        if (o != t && Slot.OLDEST_FIRST.compare(o, t) < 0) {
          previous = o;
          othersStopped &= Tasks.stopped(o, nodes);
        }
      }
      if (!othersStopped) {
        continue;
      }
      Instant startAt = delayed(previous, nodes) ? t.meta().createdAt().plus(delayOf(t)) : now;
      if (!now.isBefore(startAt)) {
        // Read it again: this pass may have changed it already (e.g. shut it down).
        tx.tasks().find(t.id()).filter(c -> c.desiredState() == TaskState.READY)
            .ifPresent(c -> tx.tasks().update(c.withDesiredState(TaskState.RUNNING)));
      } else if (wake == null || startAt.isBefore(wake)) {
        wake = startAt;
      }
    }
    return wake;
  }

  /** Forgets the slots of services that no longer exist. */
  void retain(Set<String> serviceIds) {
    history.keySet().removeIf(k -> !serviceIds.contains(k.substring(0, k.indexOf('/'))));
  }

  private static boolean delayed(TaskObject previous, Map<String, NodeObject> nodes) {
    if (previous == null) {
      return false;
    }
    return Tasks.endedByItself(previous) && !Tasks.lost(previous.nodeId(), nodes);
  }

  private static Duration delayOf(TaskObject t) {
    return t.spec().restartPolicy().delay();
  }

  private boolean shouldRestart(String serviceId, Slot slot, TaskObject old, Instant now) {
    RestartPolicy policy = old.spec().restartPolicy();
    switch (policy.condition()) {
      case NONE -> {
        return false;
      }
      case ON_FAILURE -> {
        if (old.status().state() == TaskState.COMPLETE) {
          return false;
        }
      }
      case ANY -> { }
    }
    if (policy.maxAttempts() == 0) {
      return true;
    }
    Map<String, Instant> past = history.getOrDefault(key(serviceId, slot), new LinkedHashMap<>());
    Instant since = policy.window().isZero() ? Instant.MIN : now.minus(policy.window());
    long recent = past.entrySet().stream()
        .filter(e -> !e.getKey().equals(old.id()) && e.getValue().isAfter(since)).count();
    return recent < policy.maxAttempts();
  }

  private void remember(String serviceId, Slot slot, TaskObject old, Instant now) {
    LinkedHashMap<String, Instant> past =
        history.computeIfAbsent(key(serviceId, slot), k -> new LinkedHashMap<>());
    past.putIfAbsent(old.id(), now);
    while (past.size() > HISTORY_LIMIT) {
      past.remove(past.keySet().iterator().next());
    }
  }

  private static String key(String serviceId, Slot slot) {
    return serviceId + "/" + slot.key();
  }
}
