package shoal.manager.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shoal.agent.Agent;
import shoal.agent.Executor;
import shoal.agent.FakeTaskRuntime;
import shoal.agent.HostDescription;
import shoal.agent.LogPublisher;
import shoal.agent.ManagerChannels;
import shoal.agent.ManagerList;
import shoal.agent.StatusOutbox;
import shoal.agent.SwarmAwait;
import shoal.agent.ManagerAttacher;
import shoal.agent.NetworkAttacher;
import shoal.agent.OverlayPeer;
import shoal.agent.OverlayPlane;
import shoal.agent.TaskNetwork;
import shoal.errors.ForbiddenException;
import shoal.manager.allocator.Allocator;
import shoal.manager.store.objects.AttachmentObject;
import shoal.manager.store.objects.NetworkObject;
import shoal.cluster.Access;
import shoal.cluster.Certificates;
import shoal.cluster.ClusterIds;
import shoal.cluster.ClusterServer;
import shoal.cluster.CurrentIdentity;
import shoal.cluster.NodeIdentity;
import shoal.cluster.NodeRole;
import shoal.cluster.RootCa;
import shoal.manager.store.RaftTls;
import shoal.manager.store.Store;
import shoal.manager.store.StoreConfig;
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.ContainerSpec;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;
import shoal.manager.store.objects.TaskTemplate;
import shoal.proto.LogBatch;
import shoal.proto.LogSelector;
import shoal.proto.TaskStatus;

/**
 * Swarm networks and peers from the store to a node's data plane over a real session (mutual TLS
 * on loopback), and standalone containers' attachments asked by the node: the dispatcher, the
 * allocator and the agent around a real one-manager store.
 */
class OverlaySessionIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private final String clusterId = ClusterIds.newId();
  private final RootCa root = RootCa.create(Instant.now());
  private final NodeIdentity manager = issue(NodeRole.MANAGER);
  private final NodeIdentity worker = issue(NodeRole.WORKER);
  private final FakeTaskRuntime runtime = new FakeTaskRuntime();
  private final Executor executor = new Executor(runtime, new StatusOutbox(), Clock.systemUTC());
  private final List<Agent> agents = new CopyOnWriteArrayList<>();
  private final RecordingPlane plane = new RecordingPlane(runtime.calls);
  private Allocator allocator;
  private Thread allocatorThread;
  private Store store;
  private DispatcherService front;
  private Dispatcher dispatcher;
  private Thread loop;
  private ClusterServer server;

  private NodeIdentity issue(NodeRole role) {
    KeyPair keys = Certificates.newKeyPair();
    var cert = root.issue(Certificates.csr(keys), ClusterIds.newId(), role, clusterId, Duration.ofHours(1), Instant.now());
    return new NodeIdentity(keys.getPrivate(), List.of(cert), root.certificate());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @BeforeEach
  void start() throws Exception {
    int raft = freePort();
    store = Store.bootstrap(new StoreConfig(dir, manager.nodeId(), clusterId,
        new InetSocketAddress("127.0.0.1", raft), "127.0.0.1:" + raft, RaftTls.none(), 0));
    store.awaitLeader(WAIT);
    store.update(tx -> {
      tx.cluster().create(new ClusterObject(clusterId, null, ClusterObject.Spec.defaults(), new ClusterObject.JoinTokens("w", "m"), null, null));
      tx.nodes().create(new NodeObject(manager.nodeId(), null, null, NodeObject.Role.MANAGER, null, null,
          new NodeObject.ManagerStatus(manager.nodeId(), "127.0.0.1:2377", NodeObject.Reachability.REACHABLE, true), null));
      tx.nodes().create(new NodeObject(worker.nodeId(), null, null, NodeObject.Role.WORKER, null, null, null, null));
      return null;
    });
    front = new DispatcherService(Optional::empty, new StandaloneAttachments(store));
    allocator = new Allocator(store);
    allocatorThread = Thread.ofPlatform().start(() -> {
      try {
        allocator.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    dispatcher = new Dispatcher(store);
    loop = Thread.ofPlatform().start(() -> {
      try {
        dispatcher.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    front.serve(dispatcher);
    server = ClusterServer.on(new InetSocketAddress("127.0.0.1", 0), new CurrentIdentity(manager),
            id -> store.viewLocal(tx -> tx.nodes().find(id)).isEmpty())
        .add(front, Access.ANY_NODE).start();
  }

  @AfterEach
  void stop() throws Exception {
    agents.forEach(Agent::stop);
    executor.close();
    if (dispatcher != null) {
      dispatcher.stop();
      loop.join();
    }
    if (allocator != null) {
      allocator.stop();
      allocatorThread.join();
    }
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  private Agent agent() {
    Agent a = new Agent(new HostDescription("w1", "0.1.0", "linux", "x86_64", 2_000_000_000L, 1L << 30, Map.of()),
        "127.0.0.1:2377", new ManagerList(List.of("127.0.0.1:" + server.port()), x -> {}),
        new ManagerChannels(new CurrentIdentity(worker)), new Agent.Listener() {
          @Override
          public void roleChanged(NodeRole role) {}

          @Override
          public void connected(String addr, String error) {}
        }, executor, new LogPublisher(runtime, worker::nodeId), plane);
    agents.add(a);
    Thread.ofPlatform().daemon().start(() -> {
      try {
        a.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    return a;
  }

  /** A task as the allocator and the scheduler leave it: addressed on the network, on the node. */
  private TaskObject assign(String id, String nodeId, String networkId, String address) {
    TaskObject t = new TaskObject(id, null, "svc1", "web", 1, nodeId,
        TaskTemplate.of(ContainerSpec.of("busybox").withArgs(List.of("sleep", "1d"))), 1, TaskState.RUNNING,
        TaskObject.Status.of(TaskState.ASSIGNED, "scheduler assigned task to node", Instant.now()),
        List.of(new TaskObject.NetworkAttachment(networkId, List.of(address))));
    store.update(tx -> {
      tx.tasks().create(t);
      return null;
    });
    return t;
  }

  private TaskObject task(String id) {
    return store.view(tx -> tx.tasks().get(id));
  }

  private TaskObject awaitTask(String id, Predicate<TaskObject> p) throws InterruptedException {
    SwarmAwait.until("task " + id, WAIT, () -> p.test(task(id)));
    return task(id);
  }

  private void change(String id, java.util.function.UnaryOperator<TaskObject> fn) {
    store.update(tx -> {
      tx.tasks().update(fn.apply(tx.tasks().get(id)));
      return null;
    });
  }

  private String network(String name, boolean attachable) throws InterruptedException {
    String id = shoal.manager.store.objects.Ids.newId();
    store.update(tx -> {
      tx.networks().create(NetworkObject.of(id, NetworkObject.Spec.named(name).withFlags(attachable, false, false)));
      return null;
    });
    SwarmAwait.until("network " + name + " allocated", WAIT,
        () -> store.view(tx -> tx.networks().get(id)).allocated());
    return id;
  }

  private void otherNode(String id, String addr) {
    store.update(tx -> {
      tx.nodes().create(new NodeObject(id, null, null, NodeObject.Role.WORKER,
          new NodeObject.Status(NodeObject.State.READY, "", addr), null, null, null));
      return null;
    });
  }

  private void delete(String taskId) {
    store.update(tx -> {
      tx.tasks().delete(taskId);
      return null;
    });
  }

  @Test
  void aNodeIsSentANetworkBeforeItsTaskThenItsPeersAndLosesItWithTheLastTask() throws Exception {
    String net = network("backend", false);
    otherNode("n2", "10.1.1.2");
    assign("t2", "n2", net, "10.0.1.3/24");
    agent();
    SwarmAwait.until("the first full set", WAIT, () -> !plane.calls.isEmpty());
    assertThat(plane.calls.getFirst()).isEqualTo("networks full [] removed []");

    assign("t1", worker.nodeId(), net, "10.0.1.2/24");
    SwarmAwait.until("the task's container", WAIT, () -> runtime.byTask("t1") != null);
    List<String> calls = List.copyOf(runtime.calls);
    assertThat(calls).containsSubsequence("networks [backend] removed []",
        "peers " + net + " full [t2 10.0.1.3 02:42:0a:00:01:03 10.1.1.2] removed []");
    assertThat(calls.indexOf("networks [backend] removed []"))
        .isLessThan(calls.indexOf("create web.1.t1"));
    List<TaskNetwork> networks = runtime.byTask("t1").task.networks();
    assertThat(networks).singleElement().satisfies(n -> {
      assertThat(n.network().id()).isEqualTo(net);
      assertThat(n.network().allocation().vxlanId()).isGreaterThanOrEqualTo(4097);
      assertThat(n.address()).isEqualTo("10.0.1.2/24");
    });

    delete("t2");
    SwarmAwait.until("t2 leaves the peers", WAIT,
        () -> runtime.calls.contains("peers " + net + " [] removed [t2]"));
    String container = runtime.byTask("t1").id;
    change("t1", x -> x.withDesiredState(TaskState.SHUTDOWN));
    awaitTask("t1", x -> x.status().state() == TaskState.SHUTDOWN);
    delete("t1");
    SwarmAwait.until("the network leaves", WAIT, () -> runtime.calls.contains("networks [] removed [" + net + "]"));
    int removal = runtime.calls.indexOf("networks [] removed [" + net + "]");
    // An ended task no longer holds its network: it goes once the container stopped.
    assertThat(runtime.calls.subList(0, removal)).anyMatch(c -> c.startsWith("stop " + container));
  }

  @Test
  void aReconnectedNodeGetsItsNetworksAndWholePeerTablesAgain() throws Exception {
    String net = network("backend", false);
    otherNode("n2", "10.1.1.2");
    assign("t1", worker.nodeId(), net, "10.0.1.2/24");
    Agent first = agent();
    SwarmAwait.until("the network", WAIT, () -> runtime.calls.contains("networks full [backend] removed []"));
    first.stop();
    assign("t2", "n2", net, "10.0.1.3/24");
    plane.calls.clear();
    agent();
    SwarmAwait.until("the full state again", WAIT, () -> plane.calls.size() >= 2);
    assertThat(plane.calls).startsWith("networks full [backend] removed []",
        "peers " + net + " full [t2 10.0.1.3 02:42:0a:00:01:03 10.1.1.2] removed []");
  }

  @Test
  void aNodeAttachesAContainerToAnAttachableNetworkAndOthersSeeItAsAPeer() throws Exception {
    String net = network("shared", true);
    network("private", false);
    otherNode("n2", "10.1.1.2");
    assign("t2", "n2", net, "10.0.1.3/24");
    agent();
    SwarmAwait.until("a session", WAIT, () -> !plane.calls.isEmpty());
    NetworkAttacher attacher = new ManagerAttacher(new ManagerChannels(new CurrentIdentity(worker)),
        () -> List.of("127.0.0.1:" + server.port()));

    TaskNetwork attached = attacher.attach("shared", "c1");
    assertThat(attached.network().id()).isEqualTo(net);
    assertThat(attached.address()).endsWith("/24").isNotEqualTo("10.0.1.3/24");
    SwarmAwait.until("the network and its peers", WAIT,
        () -> runtime.calls.contains("peers " + net + " full [t2 10.0.1.3 02:42:0a:00:01:03 10.1.1.2] removed []"));
    List<AttachmentObject> stored = store.view(tx -> tx.attachments().list());
    assertThat(stored).singleElement()
        .satisfies(a -> assertThat(a.nodeId()).isEqualTo(worker.nodeId()));

    assertThatThrownBy(() -> attacher.attach("private", "c1")).isInstanceOf(ForbiddenException.class)
        .hasMessage("Could not attach to network private: rpc error: code = PermissionDenied desc = network private not manually attachable");

    attacher.detach("c1", net);
    SwarmAwait.until("the network leaves", WAIT, () -> runtime.calls.contains("networks [] removed [" + net + "]"));
    List<AttachmentObject> left = store.view(tx -> tx.attachments().list());
    assertThat(left).isEmpty();
  }

  /** Records what the session tells the data plane, in the runtime's call list (one order for both). */
  static final class RecordingPlane implements OverlayPlane {
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> shared;

    RecordingPlane(List<String> shared) {
      this.shared = shared;
    }

    private void record(String call) {
      calls.add(call);
      shared.add(call);
    }

    @Override
    public void networks(boolean full, List<NetworkObject> networks, List<String> removed) {
      record("networks " + (full ? "full " : "") + networks.stream().map(n -> n.spec().name()).toList() + " removed " + removed);
    }

    @Override
    public void peers(String networkId, boolean full, List<OverlayPeer> upserted, List<String> removed) {
      record("peers " + networkId + " " + (full ? "full " : "") + upserted.stream()
          .map(p -> p.endpointId() + " " + p.ip() + " " + p.mac() + " " + p.vtep()).toList() + " removed " + removed);
    }
  }
}
