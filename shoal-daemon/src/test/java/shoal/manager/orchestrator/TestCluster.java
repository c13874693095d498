package shoal.manager.orchestrator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import shoal.manager.store.Store;
import shoal.manager.store.StoreConfig;
import shoal.manager.store.StoreEvent;
import shoal.manager.store.Watch;
import shoal.manager.store.objects.Ids;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.ServiceSpec;
import shoal.manager.store.objects.TaskObject;

/**
 * A swarm for component tests: a real one-manager store (temp dir, loopback port), nodes that are
 * only store objects, the service loops running as on a leader, and {@link TestAgents} in place of
 * the nodes' agents.
 */
final class TestCluster implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(3);

  final Store store;
  final TestAgents agents;
  final List<String> nodeIds = new ArrayList<>();
  private final List<ManagerLoop> loops = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  private TestCluster(Store store) {
    this.store = store;
    this.agents = new TestAgents(store);
  }

  /** A store with {@code nodes} Ready nodes (the first a manager), loops and agents started. */
  static TestCluster start(Path dir, int nodes) throws Exception {
    int port = freePort();
    String self = Ids.newId();
    Store store = Store.bootstrap(new StoreConfig(dir, self, Ids.newId(),
        new InetSocketAddress("127.0.0.1", port), "127.0.0.1:" + port, null, 0));
    TestCluster c = new TestCluster(store);
    try {
      store.awaitLeader(Duration.ofSeconds(20));
      for (int i = 1; i <= nodes; i++) {
        c.addNode(i == 1 ? self : Ids.newId(), "node-" + i,
            i == 1 ? NodeObject.Role.MANAGER : NodeObject.Role.WORKER, Map.of());
      }
      c.agents.start();
      for (ManagerLoop l : ServiceLoops.create(store)) {
        c.loops.add(l);
        c.threads.add(Thread.ofPlatform().name("loop").daemon().start(() -> {
          try {
            l.run();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }));
      }
      return c;
    } catch (Exception | Error e) {
      c.close();
      throw e;
    }
  }

  String addNode(String id, String hostname, NodeObject.Role role, Map<String, String> labels) {
    NodeObject n = new NodeObject(id, null,
        new NodeObject.Spec("", labels, role, NodeObject.Availability.ACTIVE), role,
        new NodeObject.Status(NodeObject.State.READY, "", "127.0.0.1"),
        new NodeObject.Description(hostname, new NodeObject.Platform("x86_64", "linux"), null, ""),
        null, null);
    store.update(tx -> {
      tx.nodes().create(n);
      return null;
    });
    nodeIds.add(id);
    return id;
  }

  String node(int i) {
    return nodeIds.get(i - 1);
  }

  void updateNode(String id, UnaryOperator<NodeObject> change) {
    store.update(tx -> {
      tx.nodes().update(change.apply(tx.nodes().get(id)));
      return null;
    });
  }

  void setNodeState(String id, NodeObject.State state) {
    updateNode(id, n -> n.withStatus(new NodeObject.Status(state, "", n.status().addr())));
  }

  void setAvailability(String id, NodeObject.Availability a) {
    updateNode(id, n -> n.withSpec(n.spec().withAvailability(a)));
  }

  String createService(ServiceSpec spec) {
    String id = Ids.newId();
    store.update(tx -> {
      tx.services().create(ServiceObject.of(id, spec));
      return null;
    });
    return id;
  }

  /** `service update`: the new spec, the old one kept as previous. */
  void updateService(String id, UnaryOperator<ServiceSpec> change) {
    store.update(tx -> {
      ServiceObject s = tx.services().get(id);
      tx.services().update(s.updatedTo(change.apply(s.spec())));
      return null;
    });
  }

  ServiceObject service(String id) {
    return store.viewLocal(tx -> tx.services().get(id));
  }

  List<TaskObject> tasks(String serviceId) {
    return store.viewLocal(tx -> tx.tasks().ofService(serviceId));
  }

  <T> T view(Function<shoal.manager.store.Tx, T> fn) {
    return store.viewLocal(fn);
  }

  /** Waits until the condition holds, checked after every change (at most {@code timeout}). */
  void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Watch watch = store.watch(StoreEvent.all())) {
      while (!condition.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("timed out after " + timeout + " waiting for " + what);
        }
        watch.poll(Duration.ofNanos(Math.min(left, Duration.ofMillis(100).toNanos())));
      }
    }
  }

  void await(String what, BooleanSupplier condition) throws InterruptedException {
    await(what, WAIT, condition);
  }

  /** Waits for the next store event that matches (at most {@code timeout}); returns it. */
  StoreEvent awaitEvent(Predicate<StoreEvent> type, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Watch watch = store.watch(StoreEvent.all())) {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no matching store event within " + timeout);
        }
        StoreEvent e = watch.poll(Duration.ofNanos(left));
        if (e != null && type.test(e)) {
          return e;
        }
      }
    }
  }

  @Override
  public void close() throws Exception {
    loops.forEach(ManagerLoop::stop);
    for (Thread t : threads) {
      t.join(5_000);
    }
    agents.stop();
    store.close();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
