package shoal.swarm;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.manager.store.Store;
import shoal.manager.store.StoreEvent;
import shoal.manager.store.StoreException;
import shoal.manager.store.Watch;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.NodeObject.Role;

/**
 * On the leader: makes each node's role what `node promote/demote` asked for. A promotion sets
 * the role at once (the node then renews its certificate as a manager and asks to join Raft); a
 * demotion first takes the node out of the Raft group, then sets the role (the node then renews as
 * a worker and drops its store). A step that fails is retried.
 */
final class RoleReconciler {
  private static final Logger log = LoggerFactory.getLogger(RoleReconciler.class);

  /** How long to wait before retrying a change that failed (e.g. no quorum). */
  static final Duration RETRY = Duration.ofSeconds(1);

  /** How often the loop looks at its stop flag while nothing happens. */
  static final Duration POLL = Duration.ofMillis(250);

  private final Store store;
  private final CountDownLatch exited = new CountDownLatch(1);
  private volatile boolean stopping;

  RoleReconciler(Store store) {
    this.store = store;
  }

  void run() throws InterruptedException {
    try {
      Store.WatchedView<List<NodeObject>> start = store.viewAndWatch(tx -> tx.nodes().list(), StoreEvent.ofKind(Kind.NODE));
      try (Watch watch = start.watch()) {
        Set<String> pending = new LinkedHashSet<>();
        start.value().stream().filter(RoleReconciler::wrongRole).forEach(n -> pending.add(n.id()));
        long retryAt = 0;
        while (!stopping) {
          if (!pending.isEmpty() && System.nanoTime() - retryAt >= 0) {
            pending.removeIf(this::reconcile);
            retryAt = System.nanoTime() + RETRY.toNanos();
          }
          StoreEvent e = watch.poll(POLL);
          if (e instanceof StoreEvent.ObjectEvent o && !(e instanceof StoreEvent.Deleted)
              && o.object() instanceof NodeObject n && wrongRole(n) && pending.add(n.id())) {
            retryAt = 0;
          }
        }
      }
    } catch (StoreException e) {
      log.warn("role reconciler stopped: {}", e.getMessage());
    } finally {
      exited.countDown();
    }
  }

  void stop() {
    stopping = true;
    try {
      exited.await(RETRY.toMillis() * 10, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean wrongRole(NodeObject n) {
    return n.spec().desiredRole() != n.role();
  }

  /** One step towards the desired role; true once there is nothing left to do. */
  private boolean reconcile(String nodeId) {
    try {
      NodeObject node = store.viewLocal(tx -> tx.nodes().find(nodeId)).orElse(null);
      if (node == null || !wrongRole(node)) {
        return true;
      }
      if (node.spec().desiredRole() == Role.WORKER
          && store.managers().stream().anyMatch(m -> m.nodeId().equals(nodeId))) {
        log.info("demoting node {}: removing it from the Raft group", nodeId);
        store.removeManager(nodeId);
      }
      store.update(tx -> {
        tx.nodes().find(nodeId).filter(RoleReconciler::wrongRole).ifPresent(n -> {
          Role want = n.spec().desiredRole();
          tx.nodes().update(want == Role.MANAGER ? n.withRole(want) : n.withRole(want).withManagerStatus(null));
        });
        return null;
      });
      log.info("node {} is now a {}", nodeId, node.spec().desiredRole() == Role.MANAGER ? "manager" : "worker");
      return true;
    } catch (StoreException | IllegalStateException e) {
      log.warn("cannot change the role of node {} yet: {}", nodeId, e.getMessage());
      return false;
    }
  }
}
