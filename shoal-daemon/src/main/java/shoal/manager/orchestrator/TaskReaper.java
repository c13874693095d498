package shoal.manager.orchestrator;

import java.time.Instant;
import java.util.ArrayList;
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
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;

/**
 * On the leader: deletes the tasks nobody needs any more. The tasks of a removed service, and of
 * slots removed by scaling down, are desired REMOVE; once stopped (see {@link Tasks#stopped}) they
 * are deleted. Each slot (each node, for a global service) keeps at most the cluster's {@code
 * TaskHistoryRetentionLimit} tasks, its live ones included, as Docker counts: the oldest stopped
 * ones go first.
 */
public final class TaskReaper implements ManagerLoop {
  private static final Logger log = LoggerFactory.getLogger(TaskReaper.class);

  private final Store store;
  private final StoreLoop loop;

  public TaskReaper(Store store) {
    this.store = store;
    this.loop = new StoreLoop("task reaper", store,
        StoreEvent.ofKind(Kind.SERVICE, Kind.TASK, Kind.NODE, Kind.CLUSTER), this::reconcile);
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
    int deleted = store.update(TaskReaper::reap);
    if (deleted > 0) {
      log.debug("task reaper deleted {} tasks", deleted);
    }
    return null;
  }

  /** One pass in a store transaction; returns how many tasks it deleted. */
  static int reap(Tx tx) {
    long limit = tx.cluster().find().map(c -> c.spec().orchestration().taskHistoryRetentionLimit())
        .orElse(ClusterObject.Orchestration.defaults().taskHistoryRetentionLimit());
    Map<String, NodeObject> nodes = tx.nodes().list().stream()
        .collect(Collectors.toMap(NodeObject::id, Function.identity()));
    Map<String, ServiceObject> services = tx.services().list().stream()
        .collect(Collectors.toMap(ServiceObject::id, Function.identity()));
    Map<String, List<TaskObject>> byService = tx.tasks().list().stream()
        .collect(Collectors.groupingBy(TaskObject::serviceId));
    Set<String> doomed = new java.util.HashSet<>();
    for (Map.Entry<String, List<TaskObject>> e : byService.entrySet()) {
      ServiceObject service = services.get(e.getKey());
      for (TaskObject t : e.getValue()) {
        if (service == null && t.desiredState() != TaskState.REMOVE) {
          // The service was removed: every task stops, then goes.
          tx.tasks().update(t.withDesiredState(TaskState.REMOVE));
        } else if (t.desiredState() == TaskState.REMOVE && Tasks.stopped(t, nodes)) {
          doomed.add(t.id());
        }
      }
      if (service != null && limit >= 0) {
        Map<String, Slot> slots = service.spec().mode().isGlobal()
            ? Slot.byNode(e.getValue()) : toStringKeys(Slot.byNumber(e.getValue()));
        slots.values().forEach(s -> doomed.addAll(beyondHistory(s, limit, nodes)));
      }
    }
    doomed.forEach(id -> tx.tasks().delete(id));
    return doomed.size();
  }

  /** The oldest stopped tasks of the slot beyond the first {@code limit}. */
  private static List<String> beyondHistory(Slot slot, long limit, Map<String, NodeObject> nodes) {
    List<String> out = new ArrayList<>();
    long excess = slot.tasks().size() - Math.max(limit, 1);
    for (TaskObject t : slot.tasks()) {
      if (excess <= 0) {
        break;
      }
      if (!Tasks.live(t) && Tasks.stopped(t, nodes)) {
        out.add(t.id());
        excess--;
      }
    }
    return out;
  }

  private static Map<String, Slot> toStringKeys(Map<Long, Slot> slots) {
    return slots.values().stream()
        .collect(Collectors.toMap(Slot::key, Function.identity()));
  }
}
