package shoal.manager.orchestrator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.manager.scheduler.Constraint;
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
 * On the leader: keeps one task of each global service on every eligible node: Ready, not
 * drained, meeting the service's constraints (a paused node gets its task, which stays pending
 * until the node is active again, as in Docker). Nodes that join later get theirs; a node that is
 * drained, Down, removed or no longer meets the constraints has its tasks shut down (a new one
 * comes when it is eligible again). A task that ended is replaced on its node as its restart
 * policy says ({@link Restarts}). Tasks are made with their node set; the scheduler only checks
 * that node.
 */
public final class GlobalOrchestrator implements ManagerLoop {
  private static final Logger log = LoggerFactory.getLogger(GlobalOrchestrator.class);

  private final Store store;
  private final StoreLoop loop;
  // Loop thread only.
  private final Restarts restarts = new Restarts();

  public GlobalOrchestrator(Store store) {
    this.store = store;
    this.loop = new StoreLoop("global orchestrator", store,
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
    List<ServiceObject> services = tx.services().list(s -> s.spec().mode().isGlobal());
    restarts.retain(services.stream().map(ServiceObject::id).collect(Collectors.toSet()));
    List<NodeObject> nodeList = tx.nodes().list();
    Map<String, NodeObject> nodes = nodeList.stream()
        .collect(Collectors.toMap(NodeObject::id, Function.identity()));
    Map<String, List<TaskObject>> tasks = tx.tasks().list().stream()
        .collect(Collectors.groupingBy(TaskObject::serviceId));
    Instant wake = null;
    for (ServiceObject s : services) {
      Instant w = reconcile(tx, s, tasks.getOrDefault(s.id(), List.of()), nodeList, nodes, now);
      wake = Wakes.earliest(wake, w);
    }
    return wake;
  }

  private Instant reconcile(Tx tx, ServiceObject service, List<TaskObject> tasks,
      List<NodeObject> nodeList, Map<String, NodeObject> nodes, Instant now) {
    List<Constraint> constraints = constraints(service);
    Map<String, Slot> slots = Slot.byNode(tasks);
    Instant wake = null;
    for (Slot slot : slots.values()) {
      NodeObject node = nodes.get(slot.key());
      boolean eligible = node != null && eligible(node, constraints);
      for (TaskObject t : slot.live()) {
        if (!eligible) {
          log.info("service {}: node {} no longer takes its task {}, shutting it down",
              service.spec().name(), slot.key(), t.id());
          tx.tasks().update(t.withDesiredState(TaskState.SHUTDOWN));
        } else if (t.status().state().terminal()) {
          restarts.replace(tx, service, slot, t, Tasks.Trouble.ENDED, nodes, now);
        }
      }
      if (eligible) {
        wake = Wakes.earliest(wake, restarts.startWaiting(tx, slot, nodes, now));
      }
    }
    for (NodeObject node : nodeList) {
      Slot slot = slots.get(node.id());
      boolean empty = slot == null
          || slot.live().isEmpty() && !slot.deadByPolicy(service.spec().taskTemplate());
      if (empty && eligible(node, constraints)) {
        tx.tasks().create(TaskObject.newTask(Ids.newId(), service, 0, node.id(), now));
      }
    }
    return wake;
  }

  private static List<Constraint> constraints(ServiceObject service) {
    try {
      return Constraint.parseAll(service.spec().taskTemplate().placement().constraints());
    } catch (IllegalArgumentException e) {
      // Checked when the service was made; an invalid one here (older entry) matches no node.
      return List.of(new Constraint("invalid", true, ""));
    }
  }

  private static boolean eligible(NodeObject node, List<Constraint> constraints) {
    return node.status().state() == NodeObject.State.READY
        && node.spec().availability() != NodeObject.Availability.DRAIN
        && Constraint.allMatch(constraints, node);
  }
}
