package shoal.swarm;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.manager.store.ManagerInfo;
import shoal.manager.store.Store;
import shoal.manager.store.StoreException;
import shoal.manager.store.Tx;
import shoal.manager.store.objects.NodeObject;

/**
 * On the leader: keeps each manager's {@code ManagerStatus} (leader, reachable or unreachable,
 * address) in its node object, from the Raft group as the leader sees it. Writes only what
 * changed, so an idle swarm costs no Raft entries.
 */
final class ManagerStatusUpdater {
  private static final Logger log = LoggerFactory.getLogger(ManagerStatusUpdater.class);

  /** How often the leader looks at the Raft group. */
  static final Duration INTERVAL = Duration.ofMillis(500);

  private final Store store;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final CountDownLatch exited = new CountDownLatch(1);

  ManagerStatusUpdater(Store store) {
    this.store = store;
  }

  void run() throws InterruptedException {
    try {
      do {
        try {
          refresh();
        } catch (StoreException e) {
          log.debug("manager status not updated: {}", e.getMessage());
        }
      } while (!stopped.await(INTERVAL.toMillis(), TimeUnit.MILLISECONDS));
    } finally {
      exited.countDown();
    }
  }

  void stop() {
    stopped.countDown();
    try {
      exited.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void refresh() {
    Map<String, NodeObject.ManagerStatus> want = statusOf(store.managers());
    Function<Tx, List<NodeObject>> changes = tx -> tx.nodes().list(n -> want.containsKey(n.id())
        ? !want.get(n.id()).equals(n.managerStatus())
        : n.managerStatus() != null);
    if (store.viewLocal(changes).isEmpty()) {
      return;
    }
    List<NodeObject> written = store.update(tx -> {
      List<NodeObject> out = changes.apply(tx);
      out.forEach(n -> tx.nodes().update(n.withManagerStatus(want.get(n.id()))));
      return out;
    });
    written.forEach(n -> log.info("manager {}: {}", n.id(), Objects.toString(want.get(n.id()), "no longer in the Raft group")));
  }

  static Map<String, NodeObject.ManagerStatus> statusOf(List<ManagerInfo> managers) {
    Map<String, NodeObject.ManagerStatus> out = new HashMap<>();
    for (ManagerInfo m : managers) {
      out.put(m.nodeId(), new NodeObject.ManagerStatus(m.nodeId(), Addresses.clusterOfRaft(m.addr()),
          m.leader() ? NodeObject.Reachability.REACHABLE : m.reachability(), m.leader()));
    }
    return out;
  }
}
