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
 * Tasks from the store to a node and back: the dispatcher's assignments over a real session
 * (mutual TLS on loopback), the agent's executor on containers in memory, the statuses in the store.
 */
class TaskFlowIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private final String clusterId = ClusterIds.newId();
  private final RootCa root = RootCa.create(Instant.now());
  private final NodeIdentity manager = issue(NodeRole.MANAGER);
  private final NodeIdentity worker = issue(NodeRole.WORKER);
  private final FakeTaskRuntime runtime = new FakeTaskRuntime();
  private final Executor executor = new Executor(runtime, new StatusOutbox(), Clock.systemUTC());
  private final List<Agent> agents = new CopyOnWriteArrayList<>();
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
    executor.close();
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

  private Agent agent() {
    Agent a = new Agent(new HostDescription("w1", "0.1.0", "linux", "x86_64", 2_000_000_000L, 1L << 30, Map.of()),
        "127.0.0.1:2377", new ManagerList(List.of("127.0.0.1:" + server.port()), x -> {}),
        new ManagerChannels(new CurrentIdentity(worker)), new Agent.Listener() {
          @Override
          public void roleChanged(NodeRole role) {}

          @Override
          public void connected(String addr, String error) {}
        }, executor, new LogPublisher(runtime, worker::nodeId));
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

  private TaskObject assign(String id, long slot) {
    TaskObject t = new TaskObject(id, null, "svc1", "web", slot, worker.nodeId(),
        TaskTemplate.of(ContainerSpec.of("busybox").withArgs(List.of("sleep", "1d"))), 1, TaskState.RUNNING,
        TaskObject.Status.of(TaskState.ASSIGNED, "scheduler assigned task to node", Instant.now()), null);
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

  @Test
  void aTaskAssignedInTheStoreRunsOnItsNodeAndItsStatusReachesTheStore() throws Exception {
    agent();
    assign("t1", 1);
    TaskObject t = awaitTask("t1", x -> x.status().state() == TaskState.RUNNING);
    assertThat(t.status().message()).isEqualTo("started");
    assertThat(t.status().containerStatus().containerId()).isEqualTo(runtime.byTask("t1").id);
    assertThat(runtime.byTask("t1").name).isEqualTo("web.1.t1");

    change("t1", x -> x.withDesiredState(TaskState.SHUTDOWN));
    awaitTask("t1", x -> x.status().state() == TaskState.SHUTDOWN);
    store.update(tx -> {
      tx.tasks().delete("t1");
      return null;
    });
    SwarmAwait.until("container removed", WAIT, () -> runtime.boxes().isEmpty());
  }

  @Test
  void aReconnectedNodeStartsNothingTwiceAndRemovesWhatWasDeletedMeanwhile() throws Exception {
    Agent first = agent();
    assign("t1", 1);
    assign("t2", 2);
    awaitTask("t1", x -> x.status().state() == TaskState.RUNNING);
    awaitTask("t2", x -> x.status().state() == TaskState.RUNNING);
    first.stop();
    store.update(tx -> {
      tx.tasks().delete("t2");
      return null;
    });
    assign("t3", 3);
    agent();
    awaitTask("t3", x -> x.status().state() == TaskState.RUNNING);
    SwarmAwait.until("t2's container removed", WAIT, () -> runtime.byTask("t2") == null);
    assertThat(runtime.calls.stream().filter(c -> c.startsWith("start"))).hasSize(3);
    assertThat(runtime.boxes()).extracting(b -> b.taskId).containsExactlyInAnyOrder("t1", "t3");
  }

  @Test
  void reportsNeverTakeATaskBackNorTouchAnotherNodesTask() throws Exception {
    assign("t1", 1);
    change("t1", x -> x.withStatus(TaskObject.Status.of(TaskState.RUNNING, "started", Instant.now())));
    List<StatusWriter.Report> reports = new ArrayList<>();
    reports.add(new StatusWriter.Report(worker.nodeId(), status("t1", TaskState.STARTING)));
    assertThat(StatusWriter.write(store, reports)).isZero();
    assertThat(task("t1").status().state()).isEqualTo(TaskState.RUNNING);
    assertThat(StatusWriter.write(store, List.of(new StatusWriter.Report(manager.nodeId(), status("t1", TaskState.FAILED))))).isZero();
    assertThat(StatusWriter.write(store, List.of(new StatusWriter.Report(worker.nodeId(), status("t1", TaskState.FAILED))))).isOne();
    TaskObject failed = task("t1");
    assertThat(failed.status().state()).isEqualTo(TaskState.FAILED);
    assertThat(failed.status().err()).isEqualTo("task: non-zero exit (1)");
  }

  private static TaskStatus status(String taskId, TaskState s) {
    return TaskStatus.newBuilder().setTaskId(taskId).setState(TaskProtos.toProto(s)).setMessage("m")
        .setErr(s == TaskState.FAILED ? "task: non-zero exit (1)" : "").setTimestampMs(System.currentTimeMillis())
        .setContainerId("c1").setExitCode(s == TaskState.FAILED ? 1 : 0).build();
  }

  @Test
  void logsOfAServiceComeFromItsNodeWithTheirTaskAndNode() throws Exception {
    agent();
    assign("t1", 1);
    awaitTask("t1", x -> x.status().state() == TaskState.RUNNING);
    runtime.log(runtime.byTask("t1"), "hello");
    runtime.log(runtime.byTask("t1"), "world");
    List<String> lines = new ArrayList<>();
    try (LogFeed feed = dispatcher.subscribeLogs(LogSelector.newBuilder().addServiceIds("svc1").setTail(-1).build())) {
      while (true) {
        LogBatch b = feed.poll(WAIT);
        assertThat(b).as("a batch within " + WAIT).isNotNull();
        assertThat(b.getError()).isEmpty();
        if (b.getDone()) {
          break;
        }
        b.getLinesList().forEach(l -> lines.add(l.getTaskId() + "@" + l.getNodeId() + " " + l.getData().toStringUtf8().strip()));
      }
    }
    assertThat(lines).containsExactly("t1@" + worker.nodeId() + " hello", "t1@" + worker.nodeId() + " world");
  }
}
