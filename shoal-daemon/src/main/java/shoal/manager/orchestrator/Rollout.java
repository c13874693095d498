package shoal.manager.orchestrator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;
import shoal.manager.store.objects.TaskTemplate;
import shoal.manager.store.objects.UpdateConfig;

/**
 * Where a service's rollout stands, read from its slots. A task is new if it has the service's
 * current template and was made since the rollout started.
 *
 * @param dirty the slots whose live tasks all have another template: still to update, in order
 * @param inFlight how many slots are being updated now: a new task not yet running, or running
 *     for less than the update delay (the delay between batches is served per slot)
 * @param failed new tasks that failed or were rejected within the monitor window of their start
 * @param outdatedBesideRunning old live tasks whose slot's new task runs (start-first: stop them)
 * @param nextChange when a slot leaves flight or the last monitor window ends, or null
 * @param settled whether every new task ran through its monitor window (or there is none)
 */
record Rollout(
    List<Slot> dirty, int inFlight, List<TaskObject> failed,
    List<TaskObject> outdatedBesideRunning, Instant nextChange, boolean settled) {

  /**
   * @param runningSince when this leader first saw each task running (a failure after the monitor
   *     window is not the update's fault)
   */
  static Rollout of(Collection<Slot> slots, TaskTemplate template, UpdateConfig config,
      Instant startedAt, Map<String, Instant> runningSince, Instant now) {
    List<Slot> dirty = new ArrayList<>();
    List<TaskObject> failed = new ArrayList<>();
    List<TaskObject> outdated = new ArrayList<>();
    int inFlight = 0;
    Instant next = null;
    boolean settled = true;
    for (Slot slot : slots) {
      List<TaskObject> live = slot.live();
      boolean upToDate = live.stream().anyMatch(t -> t.spec().equals(template));
      if (!live.isEmpty() && !upToDate) {
        dirty.add(slot);
      }
      for (TaskObject t : slot.tasks()) {
        boolean isNew = t.spec().equals(template) && startedAt != null
            && !t.meta().createdAt().isBefore(startedAt);
        if (!isNew) {
          continue;
        }
        TaskState state = t.status().state();
        if (state == TaskState.FAILED || state == TaskState.REJECTED) {
          Instant ran = runningSince.get(t.id());
          if (ran == null || !t.status().timestamp().isAfter(ran.plus(config.monitor()))) {
            failed.add(t);
          }
          continue;
        }
        if (!Tasks.live(t)) {
          continue;
        }
        if (state.compareTo(TaskState.RUNNING) < 0) {
          inFlight++;
          settled = false;
          continue;
        }
        if (state == TaskState.RUNNING) {
          live.stream().filter(o -> !o.spec().equals(template)).forEach(outdated::add);
          Instant ran = runningSince.getOrDefault(t.id(), t.status().timestamp());
          Instant free = ran.plus(config.delay());
          Instant stable = ran.plus(config.monitor());
          if (now.isBefore(free)) {
            inFlight++;
            next = Wakes.earliest(next, free);
          }
          if (now.isBefore(stable)) {
            settled = false;
            next = Wakes.earliest(next, stable);
          }
        }
      }
    }
    return new Rollout(List.copyOf(dirty), inFlight, List.copyOf(failed), List.copyOf(outdated),
        next, settled);
  }

  /** Whether the failures exceed what the config tolerates out of {@code slots}. */
  boolean tooManyFailures(UpdateConfig config, int slots) {
    return !failed.isEmpty() && failed.size() > config.maxFailureRatio() * Math.max(slots, 1);
  }
}
