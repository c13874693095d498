package shoal.manager.scheduler;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.manager.orchestrator.ManagerLoop;
import shoal.manager.orchestrator.StoreLoop;
import shoal.manager.store.Store;
import shoal.manager.store.StoreEvent;
import shoal.manager.store.Tx;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;

/**
 * On the leader: places pending tasks on nodes. A task is pending while its status is PENDING and
 * its desired state READY or RUNNING. Each pass places every pending task, in service and slot
 * order, counting what it placed so far (see {@link NodeSet}); a task of a global service comes
 * with its node and only checks it. A task no node can take stays pending, with Docker's "no
 * suitable node (…)" as its status error, shown by `service ps`.
 */
public final class Scheduler implements ManagerLoop {
  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

  static final String ASSIGNED_MESSAGE = "scheduler assigned task to node";

  private final Store store;
  private final StoreLoop loop;

  public Scheduler(Store store) {
    this.store = store;
    this.loop = new StoreLoop("scheduler", store, StoreEvent.ofKind(Kind.NODE, Kind.TASK),
        this::reconcile);
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
    int placed = store.update(tx -> schedule(tx, now));
    if (placed > 0) {
      log.debug("scheduler placed {} tasks", placed);
    }
    return null;
  }

  /** One pass in a store transaction; returns how many tasks it placed. */
  static int schedule(Tx tx, Instant now) {
    List<TaskObject> tasks = tx.tasks().list();
    List<TaskObject> pending = tasks.stream().filter(Scheduler::pending)
        .sorted(Comparator.comparing(TaskObject::serviceId).thenComparingLong(TaskObject::slot)
            .thenComparing(TaskObject::id))
        .toList();
    if (pending.isEmpty()) {
      return 0;
    }
    NodeSet nodes = NodeSet.of(tx.nodes().list(), tasks);
    Pipeline pipeline = Pipeline.standard();
    int placed = 0;
    for (TaskObject t : pending) {
      pipeline.setTask(t);
      Optional<NodeInfo> node = t.nodeId().isEmpty()
          ? nodes.best(t, pipeline)
          : nodes.get(t.nodeId()).filter(pipeline::process);
      if (node.isPresent()) {
        nodes.place(t, node.get().id());
        tx.tasks().update(t.withNodeId(node.get().id())
            .withStatus(t.status().next(TaskState.ASSIGNED, ASSIGNED_MESSAGE, now)));
        placed++;
      } else {
        String why = explain(pipeline, nodes.size(), t);
        if (!why.equals(t.status().err())) {
          tx.tasks().update(t.withStatus(t.status().withErr(why)));
        }
      }
    }
    return placed;
  }

  static boolean pending(TaskObject t) {
    return t.status().state() == TaskState.PENDING
        && t.desiredState().compareTo(TaskState.RUNNING) <= 0;
  }

  private static String explain(Pipeline pipeline, int nodeCount, TaskObject t) {
    if (nodeCount == 0) {
      return "no suitable node (no nodes in the cluster)";
    }
    if (!t.nodeId().isEmpty() && pipeline.explain().isEmpty()) {
      return "no suitable node (the task's node is not in the swarm)";
    }
    String why = pipeline.explain();
    return why.isEmpty() ? "no suitable node" : "no suitable node (" + why + ")";
  }
}
