package shoal.manager.orchestrator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;

/**
 * On the leader: keeps each replicated service at its number of slots, 1..replicas. Scaling up
 * adds the lowest free slot numbers; scaling down removes the highest slots (their tasks desired
 * REMOVE, which the reaper deletes once stopped). A live task that ended, whose node is lost
 * (Down or removed) or drained is shut down and, as its restart policy says, replaced in the same
 * slot (see {@link Restarts}); the scheduler places the replacement on a node that can take it.
 * A slot left empty by the restart policy gets a task again only with a new task template.
 * Replacing out-of-date tasks is the {@link Updater}'s job.
 */
public final class ReplicatedOrchestrator implements ManagerLoop {
  private static final Logger log = LoggerFactory.getLogger(ReplicatedOrchestrator.class);

  private final Store store;
  private final StoreLoop loop;
  // Loop thread only.
  private final Restarts restarts = new Restarts();

  public ReplicatedOrchestrator(Store store) {
    this.store = store;
    this.loop = new StoreLoop("replicated orchestrator", store,
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
    List<ServiceObject> services =
        tx.services().list(s -> !s.spec().mode().isGlobal());
    restarts.retain(services.stream().map(ServiceObject::id).collect(Collectors.toSet()));
    Map<String, NodeObject> nodes = tx.nodes().list().stream()
        .collect(Collectors.toMap(NodeObject::id, Function.identity()));
    Map<String, List<TaskObject>> tasks = tx.tasks().list().stream()
        .collect(Collectors.groupingBy(TaskObject::serviceId));
    Instant wake = null;
    for (ServiceObject s : services) {
      Instant w = reconcile(tx, s, tasks.getOrDefault(s.id(), List.of()), nodes, now);
      wake = Wakes.earliest(wake, w);
    }
    return wake;
  }

  private Instant reconcile(Tx tx, ServiceObject service, List<TaskObject> tasks,
      Map<String, NodeObject> nodes, Instant now) {
    Map<Long, Slot> slots = Slot.byNumber(tasks);
    long replicas = service.spec().mode().replicas();
    List<Long> numbers = new ArrayList<>(slots.keySet());
    List<Long> removed = numbers.subList((int) Math.min(replicas, numbers.size()), numbers.size());
    for (long n : removed) {
      for (TaskObject t : slots.get(n).tasks()) {
        tx.tasks().update(t.withDesiredState(TaskState.REMOVE));
      }
    }
    if (!removed.isEmpty()) {
      log.info("service {}: scaled down, removing slots {}", service.spec().name(), removed);
    }
    Instant wake = null;
    for (Slot slot : slots.values()) {
      if (removed.contains(Long.parseLong(slot.key()))) {
        continue;
      }
      for (TaskObject t : slot.live()) {
        Tasks.Trouble why = Tasks.trouble(t, nodes);
        if (why != null) {
          log.info("service {}: task {} of slot {} {}, shutting it down", service.spec().name(),
              t.id(), slot.key(), why);
          restarts.replace(tx, service, slot, t, why, nodes, now);
        }
      }
      if (slot.live().isEmpty() && !slot.latest().spec().equals(service.spec().taskTemplate())) {
        tx.tasks().create(TaskObject.newTask(Ids.newId(), service, Long.parseLong(slot.key()), "",
            now));
      }
      wake = Wakes.earliest(wake, restarts.startWaiting(tx, slot, nodes, now));
    }
    long missing = replicas - (numbers.size() - removed.size());
    for (long n = 1; missing > 0; n++) {
      if (!slots.containsKey(n)) {
        tx.tasks().create(TaskObject.newTask(Ids.newId(), service, n, "", now));
        missing--;
      }
    }
    return wake;
  }
}
