package shoal.manager.allocator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import shoal.manager.store.Store;
import shoal.manager.store.StoreConfig;
import shoal.manager.store.StoreEvent;
import shoal.manager.store.Tx;
import shoal.manager.store.Watch;
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.ContainerSpec;
import shoal.manager.store.objects.EndpointSpec;
import shoal.manager.store.objects.Ids;
import shoal.manager.store.objects.NetworkObject;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.ServiceSpec;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskTemplate;

/**
 * A real one-manager store (temp dir, loopback port) with the cluster object and the allocator
 * running as on a leader; objects are written as the API and the orchestrators write them.
 */
final class AllocatorHarness implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(5);

  private final StoreConfig config;
  Store store;
  private Allocator allocator;
  private Thread thread;

  private AllocatorHarness(StoreConfig config) {
    this.config = config;
  }

  static AllocatorHarness start(Path dir, ClusterObject.AddressPool pool) throws Exception {
    int port = freePort();
    AllocatorHarness h = new AllocatorHarness(new StoreConfig(dir, Ids.newId(), Ids.newId(),
        new InetSocketAddress("127.0.0.1", port), "127.0.0.1:" + port, null, 0));
    h.store = Store.bootstrap(h.config);
    try {
      h.store.awaitLeader(Duration.ofSeconds(20));
      h.write(tx -> tx.cluster().create(new ClusterObject(Ids.newId(), null, null, null, null, pool)));
      h.startAllocator();
      return h;
    } catch (Exception | Error e) {
      h.close();
      throw e;
    }
  }

  void startAllocator() {
    allocator = new Allocator(store);
    thread = Thread.ofPlatform().name("allocator").daemon().start(() -> {
      try {
        allocator.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  /** What a leader change does to the allocator: it stops, the store restarts from disk, a new one starts. */
  void restart() throws Exception {
    allocator.stop();
    store.close();
    store = Store.open(config);
    store.awaitLeader(Duration.ofSeconds(20));
    startAllocator();
  }

  void write(java.util.function.Consumer<Tx> fn) {
    store.update(tx -> {
      fn.accept(tx);
      return null;
    });
  }

  <T> T view(Function<Tx, T> fn) {
    return store.viewLocal(fn);
  }

  String network(NetworkObject.Spec spec) {
    String id = Ids.newId();
    write(tx -> tx.networks().create(NetworkObject.of(id, spec)));
    return id;
  }

  NetworkObject network(String id) {
    return view(tx -> tx.networks().get(id));
  }

  String service(String name, EndpointSpec.Mode mode, String... networkIds) {
    List<TaskTemplate.NetworkAttachmentConfig> nets = java.util.Arrays.stream(networkIds)
        .map(n -> new TaskTemplate.NetworkAttachmentConfig(n, null, null)).toList();
    ServiceSpec spec = ServiceSpec.of(name, TaskTemplate.of(ContainerSpec.of("busybox")).withNetworks(nets))
        .withEndpointSpec(new EndpointSpec(mode, List.of()));
    String id = Ids.newId();
    write(tx -> tx.services().create(ServiceObject.of(id, spec)));
    return id;
  }

  ServiceObject service(String id) {
    return view(tx -> tx.services().get(id));
  }

  void updateService(String id, UnaryOperator<ServiceSpec> change) {
    write(tx -> {
      ServiceObject s = tx.services().get(id);
      tx.services().update(s.updatedTo(change.apply(s.spec())));
    });
  }

  /** A new task of the service, as an orchestrator makes it (NEW). */
  String task(String serviceId, long slot) {
    String id = Ids.newId();
    write(tx -> tx.tasks().create(TaskObject.newTask(id, tx.services().get(serviceId), slot, "", Instant.now())));
    return id;
  }

  TaskObject task(String id) {
    return view(tx -> tx.tasks().get(id));
  }

  void updateTask(String id, UnaryOperator<TaskObject> change) {
    write(tx -> tx.tasks().update(change.apply(tx.tasks().get(id))));
  }

  /** Waits until the condition holds, checked after every change (at most {@link #WAIT}). */
  void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    try (Watch watch = store.watch(StoreEvent.all())) {
      while (!condition.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
        }
        watch.poll(Duration.ofNanos(Math.min(left, Duration.ofMillis(100).toNanos())));
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (allocator != null) {
      allocator.stop();
    }
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
