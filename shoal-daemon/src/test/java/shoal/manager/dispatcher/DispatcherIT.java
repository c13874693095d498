package shoal.manager.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import shoal.agent.LogPublisher;
import shoal.agent.StatusOutbox;
import shoal.agent.HostDescription;
import shoal.agent.ManagerChannels;
import shoal.agent.ManagerList;
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
import shoal.manager.store.objects.NodeObject;

/** The dispatcher and an agent over mutual TLS on loopback, around a real single-manager store. */
class DispatcherIT {
  private static final Duration PERIOD = Duration.ofMillis(200);
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private final String clusterId = ClusterIds.newId();
  private final RootCa root = RootCa.create(Instant.now());
  private final NodeIdentity manager = issue(NodeRole.MANAGER);
  private final NodeIdentity worker = issue(NodeRole.WORKER);
  private Store store;
  private DispatcherService front;
  private Dispatcher dispatcher;
  private Thread loop;
  private ClusterServer server;
  private final List<Agent> agents = new CopyOnWriteArrayList<>();
  private final List<NodeRole> roles = new CopyOnWriteArrayList<>();

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
      tx.cluster().create(new ClusterObject(clusterId, null, ClusterObject.Spec.defaults()
          .withDispatcher(new ClusterObject.Dispatcher(PERIOD)), new ClusterObject.JoinTokens("w", "m"), null, null));
      tx.nodes().create(new NodeObject(manager.nodeId(), null, null, NodeObject.Role.MANAGER, null, null,
          new NodeObject.ManagerStatus(manager.nodeId(), "127.0.0.1:2377", NodeObject.Reachability.REACHABLE, true), null));
      tx.nodes().create(new NodeObject(worker.nodeId(), null, null, NodeObject.Role.WORKER, null, null, null, null));
      return null;
    });
    front = new DispatcherService(Optional::empty);
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
    if (dispatcher != null) {
      dispatcher.stop();
      loop.join();
    }
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  private Agent agent(NodeIdentity id) {
    Agent a = new Agent(new HostDescription("w1", "0.1.0", "linux", "x86_64", 2_000_000_000L, 1L << 30, Map.of()),
        "127.0.0.1:2377", new ManagerList(List.of("127.0.0.1:" + server.port()), x -> {}),
        new ManagerChannels(new CurrentIdentity(id)), new Agent.Listener() {
          @Override
          public void roleChanged(NodeRole role) {
            roles.add(role);
          }

          @Override
          public void connected(String addr, String error) {}
        }, new Executor(new FakeTaskRuntime(), new StatusOutbox(), Clock.systemUTC()),
        new LogPublisher(new FakeTaskRuntime(), id::nodeId));
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

  private NodeObject workerNode() {
    return store.viewLocal(tx -> tx.nodes().get(worker.nodeId()));
  }

  private Duration await(String what, Predicate<NodeObject> p) throws InterruptedException {
    long start = System.nanoTime();
    while (!p.test(workerNode())) {
      if (System.nanoTime() - start > WAIT.toNanos()) {
        throw new AssertionError("not within " + WAIT + ": " + what + "; node is " + workerNode().status());
      }
      Thread.sleep(10);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void aRegisteredAgentIsReadyWithItsDescriptionAndLearnsItsRole() throws Exception {
    agent(worker);
    await("Ready", n -> n.status().state() == NodeObject.State.READY);
    NodeObject n = workerNode();
    assertThat(n.description().hostname()).isEqualTo("w1");
    assertThat(n.description().resources().nanoCpus()).isEqualTo(2_000_000_000L);
    assertThat(n.status().addr()).isEqualTo("127.0.0.1");
    // The role arrives in the session's parameters, which may come just after the store says Ready.
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!roles.contains(NodeRole.WORKER) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(roles).contains(NodeRole.WORKER);
    // Heartbeats keep it Ready well past the grace.
    Thread.sleep(new HeartbeatPolicy(PERIOD).grace().multipliedBy(3).toMillis());
    assertThat(workerNode().status().state()).isEqualTo(NodeObject.State.READY);
  }

  @Test
  void anAgentThatEndsItsSessionIsDownAtOnceAndReadyWhenItReturns() throws Exception {
    Agent a = agent(worker);
    await("Ready", n -> n.status().state() == NodeObject.State.READY);
    a.stop();
    Duration down = await("Down", n -> n.status().state() == NodeObject.State.DOWN);
    assertThat(down).isLessThan(new HeartbeatPolicy(PERIOD).grace());
    assertThat(workerNode().status().message()).isEqualTo(Dispatcher.DOWN_MESSAGE);
    agent(worker);
    await("Ready again", n -> n.status().state() == NodeObject.State.READY);
  }

  @Test
  void aRoleChangeInTheStoreReachesTheAgent() throws Exception {
    agent(worker);
    await("Ready", n -> n.status().state() == NodeObject.State.READY);
    store.update(tx -> {
      tx.nodes().update(tx.nodes().get(worker.nodeId()).withRole(NodeObject.Role.MANAGER));
      return null;
    });
    long start = System.nanoTime();
    while (!roles.contains(NodeRole.MANAGER) && System.nanoTime() - start < WAIT.toNanos()) {
      Thread.sleep(10);
    }
    assertThat(roles).contains(NodeRole.MANAGER);
  }

  @Test
  void aStoppedDispatcherEndsItsSessionsAndAFollowerRefusesNewOnes() throws Exception {
    Agent a = agent(worker);
    await("Ready", n -> n.status().state() == NodeObject.State.READY);
    front.unserve(dispatcher);
    dispatcher.stop();
    loop.join();
    dispatcher = null;
    long start = System.nanoTime();
    while (a.connectedTo().isPresent() && System.nanoTime() - start < WAIT.toNanos()) {
      Thread.sleep(10);
    }
    assertThat(a.connectedTo()).as("the agent left the stopped dispatcher and finds no leader").isEmpty();
    Thread.sleep(500);
    assertThat(a.connectedTo()).isEmpty();
  }
}
