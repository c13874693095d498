package shoal.manager.orchestrator;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.manager.store.Store;
import shoal.manager.store.StoreEvent;
import shoal.manager.store.Tx;
import shoal.manager.store.objects.Ids;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.ServiceObject.UpdateState;
import shoal.manager.store.objects.ServiceObject.UpdateStatus;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;
import shoal.manager.store.objects.UpdateConfig;

/**
 * On the leader: rolls a service's changed task template out to its slots (both modes), as
 * Docker's updater does. A slot is out of date when none of its live tasks has the current
 * template (any change, or a raised {@code forceUpdate}). At most {@code parallelism} slots are
 * in flight at once; a slot stays in flight until its new task runs plus the update delay.
 * Stop-first: the old task is shut down and the new one made waiting (desired READY), which the
 * orchestrator starts once the old one stopped. Start-first: the new one runs first, then the
 * old one is shut down. New tasks that fail within the monitor window count against the failure
 * ratio; beyond it the failure action applies (pause, continue, or roll back to the previous
 * spec with the rollback config). The rollout completes when every slot runs the template and
 * the last new tasks ran through their monitor window. States and messages as Docker's.
 */
public final class Updater implements ManagerLoop {
  private static final Logger log = LoggerFactory.getLogger(Updater.class);

  private final Store store;
  private final StoreLoop loop;
  // Loop thread only: when this leader first saw each task running.
  private final Map<String, Instant> runningSince = new HashMap<>();

  public Updater(Store store) {
    this.store = store;
    this.loop = new StoreLoop("updater", store,
        StoreEvent.ofKind(Kind.SERVICE, Kind.TASK, Kind.NODE), this::reconcile);
  }

  @Override
  public void run() throws InterruptedException {
    loop.run();
  }

  @Override
  public void stop() {
    loop.stop();
  }

  private Instant reconcile(Instant now) {
    return store.update(tx -> reconcile(tx, now));
  }

  private Instant reconcile(Tx tx, Instant now) {
    Map<String, NodeObject> nodes = tx.nodes().list().stream()
        .collect(Collectors.toMap(NodeObject::id, Function.identity()));
    List<TaskObject> all = tx.tasks().list();
    Set<String> ids = all.stream().map(TaskObject::id).collect(Collectors.toSet());
    runningSince.keySet().retainAll(ids);
    for (TaskObject t : all) {
      if (t.status().state() == TaskState.RUNNING) {
        runningSince.putIfAbsent(t.id(), t.status().timestamp());
      }
    }
    Map<String, List<TaskObject>> tasks =
        all.stream().collect(Collectors.groupingBy(TaskObject::serviceId));
    Instant wake = null;
    for (ServiceObject s : tx.services().list()) {
      List<TaskObject> own = tasks.getOrDefault(s.id(), List.of());
      wake = Wakes.earliest(wake, update(tx, s, own, nodes, now));
    }
    return wake;
  }

  private Instant update(Tx tx, ServiceObject service, List<TaskObject> tasks,
      Map<String, NodeObject> nodes, Instant now) {
    boolean global = service.spec().mode().isGlobal();
    Collection<Slot> slots = global
        ? Slot.byNode(tasks).values() : Slot.byNumber(tasks).values();
    UpdateStatus status = service.updateStatus();
    UpdateState state = status == null ? null : status.state();
    boolean rollback =
        state == UpdateState.ROLLBACK_STARTED || state == UpdateState.ROLLBACK_PAUSED;
    UpdateConfig config = rollback
        ? service.spec().rollbackConfig() : service.spec().updateConfig();
    Instant startedAt = status == null ? null : status.startedAt();
    Rollout r = Rollout.of(slots, service.spec().taskTemplate(), config, startedAt, runningSince,
        now);
    r.outdatedBesideRunning().forEach(t -> tx.tasks().update(t.withDesiredState(TaskState.SHUTDOWN)));
    if (state == UpdateState.PAUSED || state == UpdateState.ROLLBACK_PAUSED) {
      return null;
    }
    boolean rolling = state == UpdateState.UPDATING || state == UpdateState.ROLLBACK_STARTED;
    if (r.dirty().isEmpty() && r.inFlight() == 0) {
      if (rolling && r.settled()) {
        String done = rollback ? "rollback completed" : "update completed";
        tx.services().update(service.withUpdateStatus(new UpdateStatus(
            rollback ? UpdateState.ROLLBACK_COMPLETED : UpdateState.COMPLETED, startedAt, now,
            done)));
        log.info("service {}: {}", service.spec().name(), done);
        return null;
      }
      return rolling ? r.nextChange() : null;
    }
    if (!rolling) {
      if (r.dirty().isEmpty()) {
        return null;
      }
      // A new rollout: Docker's UpdateStatus starts with the first out-of-date slot.
      tx.services().update(service.withUpdateStatus(
          new UpdateStatus(UpdateState.UPDATING, now, null, "update in progress")));
      log.info("service {}: update started", service.spec().name());
      r = Rollout.of(slots, service.spec().taskTemplate(), config, now, runningSince, now);
    } else if (config.failureAction() != UpdateConfig.FailureAction.CONTINUE
        && r.tooManyFailures(config, slots.size())) {
      failed(tx, service, rollback, r.failed().getFirst(), now);
      return null;
    }
    long free = config.parallelism() == 0 ? Long.MAX_VALUE : config.parallelism() - r.inFlight();
    for (Slot slot : r.dirty()) {
      if (free-- <= 0) {
        break;
      }
      replace(tx, service, slot, config.order(), nodes, now);
    }
    return r.nextChange();
  }

  /** Starts updating one slot. */
  private static void replace(Tx tx, ServiceObject service, Slot slot, UpdateConfig.Order order,
      Map<String, NodeObject> nodes, Instant now) {
    List<TaskObject> old = slot.live();
    TaskObject any = old.getFirst();
    boolean global = service.spec().mode().isGlobal();
    TaskObject task = TaskObject.newTask(Ids.newId(), service, any.slot(),
        global ? any.nodeId() : "", now);
    if (order == UpdateConfig.Order.START_FIRST) {
      tx.tasks().create(task);
      return;
    }
    boolean stopped = true;
    for (TaskObject t : old) {
      tx.tasks().update(t.withDesiredState(TaskState.SHUTDOWN));
      stopped &= Tasks.stopped(t, nodes);
    }
    tx.tasks().create(stopped ? task : task.withDesiredState(TaskState.READY));
  }

  /** Applies the failure action after too many new tasks failed. */
  private static void failed(Tx tx, ServiceObject service, boolean rollback, TaskObject task,
      Instant now) {
    String why = " due to failure or early termination of task " + task.id();
    UpdateConfig.FailureAction action = rollback
        ? service.spec().rollbackConfig().failureAction()
        : service.spec().updateConfig().failureAction();
    UpdateStatus status = service.updateStatus();
    if (!rollback && action == UpdateConfig.FailureAction.ROLLBACK
        && service.previousSpec() != null) {
      ServiceObject back = service.rolledBack(now).withUpdateStatus(new UpdateStatus(
          UpdateState.ROLLBACK_STARTED, now, null, "update rolled back" + why));
      tx.services().update(back);
      log.info("service {}: update rolled back{}", service.spec().name(), why);
      return;
    }
    UpdateState paused = rollback ? UpdateState.ROLLBACK_PAUSED : UpdateState.PAUSED;
    String message = (rollback ? "rollback paused" : "update paused") + why;
    tx.services().update(service.withUpdateStatus(
        new UpdateStatus(paused, status.startedAt(), null, message)));
    log.info("service {}: {}", service.spec().name(), message);
  }
}
