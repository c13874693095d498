package shoal.manager.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import shoal.manager.store.objects.Ids;

/** Managers' stores in this JVM on loopback ports, each with its own directory. */
final class TestManagers implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(20);

  private final Path root;
  private final String clusterId = Ids.newId();
  private final long snapshotInterval;
  private final TlsFor tls;
  private final Map<String, StoreConfig> configs = new LinkedHashMap<>();
  private final Map<String, Store> running = new LinkedHashMap<>();

  /** The transport security of a manager, by node ID. */
  interface TlsFor {
    RaftTls of(String nodeId) throws Exception;
  }

  private TestManagers(Path root, long snapshotInterval, TlsFor tls) {
    this.root = root;
    this.snapshotInterval = snapshotInterval;
    this.tls = tls;
  }

  /** A group of {@code n} managers: the first bootstraps, the others join through it. */
  static TestManagers start(Path root, int n, long snapshotInterval) throws Exception {
    return start(root, n, snapshotInterval, id -> RaftTls.none());
  }

  static TestManagers start(Path root, int n, long snapshotInterval, TlsFor tls) throws Exception {
    TestManagers m = new TestManagers(root, snapshotInterval, tls);
    try {
      String first = m.newConfig();
      m.running.put(first, Store.bootstrap(m.configs.get(first)));
      m.awaitLeader();
      for (int i = 1; i < n; i++) {
        m.join();
      }
      return m;
    } catch (Exception | Error e) {
      m.close();
      throw e;
    }
  }

  /** Starts a new manager with Store.join and adds it through the current leader. */
  String join() throws Exception {
    String leader = awaitLeader();
    String id = newConfig();
    StoreConfig c = configs.get(id);
    running.put(id, Store.join(c));
    store(leader).addManager(id, c.advertise());
    return id;
  }

  private String newConfig() throws Exception {
    String id = Ids.newId();
    int port = freePort();
    configs.put(id, new StoreConfig(root.resolve(id), id, clusterId,
        new InetSocketAddress("127.0.0.1", port), "127.0.0.1:" + port, tls.of(id),
        snapshotInterval));
    return id;
  }

  Store store(String id) {
    Store s = running.get(id);
    if (s == null) {
      throw new IllegalStateException("manager " + id + " is not running");
    }
    return s;
  }

  List<String> runningIds() {
    return new ArrayList<>(running.keySet());
  }

  List<Store> stores() {
    return new ArrayList<>(running.values());
  }

  StoreConfig config(String id) {
    return configs.get(id);
  }

  /** Waits (bounded) until one running manager leads, ready, and all running ones agree. */
  String awaitLeader() throws InterruptedException {
    String[] leader = new String[1];
    await("a leader all running managers agree on", () -> {
      Optional<String> ready = running.values().stream()
          .filter(s -> s.leadership().self()).map(Store::nodeId).findFirst();
      leader[0] = ready.orElse(null);
      return ready.isPresent() && running.values().stream()
          .allMatch(s -> ready.get().equals(s.leadership().leaderId()));
    });
    return leader[0];
  }

  void stop(String id) throws IOException {
    Store s = running.remove(id);
    if (s != null) {
      s.close();
    }
  }

  void stopAll() throws IOException {
    for (String id : runningIds()) {
      stop(id);
    }
  }

  Store restart(String id) throws IOException {
    Store s = Store.open(configs.get(id));
    running.put(id, s);
    return s;
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (String id : runningIds()) {
      try {
        stop(id);
      } catch (IOException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
