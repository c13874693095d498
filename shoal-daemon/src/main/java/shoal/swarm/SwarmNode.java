package shoal.swarm;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.agent.Agent;
import shoal.agent.Executor;
import shoal.agent.HostDescription;
import shoal.agent.ManagerChannels;
import shoal.agent.ManagerAttacher;
import shoal.agent.ManagerList;
import shoal.agent.NetworkAttacher;
import shoal.agent.OverlayPlane;
import shoal.agent.LogPublisher;
import shoal.agent.StatusOutbox;
import shoal.agent.TaskRuntime;
import shoal.cluster.CertificateRenewer;
import shoal.cluster.ClusterChannels;
import shoal.cluster.ClusterStatus;
import shoal.cluster.CurrentIdentity;
import shoal.cluster.NodeRole;
import shoal.errors.ShoalException;
import shoal.errors.UnavailableException;
import shoal.manager.store.RaftTimings;
import shoal.manager.store.Store;
import shoal.manager.store.StoreConfig;
import shoal.manager.store.StoreException;
import shoal.proto.RaftJoinRequest;
import shoal.proto.RaftMembershipGrpc;

/**
 * A node that is in a swarm: its identity, its agent, its certificate renewal, and on a manager
 * the manager half ({@link ManagerNode}). Follows the role the leader gives it: when the role in
 * its certificate differs, it renews the certificate and then starts or stops its manager half.
 */
final class SwarmNode implements Agent.Listener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SwarmNode.class);

  /** Pause before retrying a role change that failed. */
  static final Duration ROLE_RETRY = Duration.ofSeconds(1);

  private final SwarmFiles files;
  private final CurrentIdentity self;
  private final ManagerChannels channels;
  private final ManagerList managers;
  private final Agent agent;
  private final TaskRuntime runtime;
  private final Executor executor;
  private final CertificateRenewer renewer;
  // Role changes run one at a time on this thread; it alone writes manager after start.
  private final ScheduledExecutorService roleWork;
  private volatile ManagerNode manager;
  private volatile NodeState state;
  private volatile NodeRole wantedRole;
  private volatile String sessionError;

  private final NetworkAttacher attacher;

  SwarmNode(SwarmFiles files, CurrentIdentity self, NodeState state, HostDescription host, TaskRuntime runtime,
      OverlayPlane overlay) {
    this.files = files;
    this.self = self;
    this.state = state;
    this.channels = new ManagerChannels(self);
    this.managers = new ManagerList(state.managers(), this::saveManagers);
    this.runtime = runtime;
    this.executor = new Executor(runtime, new StatusOutbox(), Clock.systemUTC());
    this.agent = new Agent(host, state.advertiseAddr(), managers, channels, this, executor,
        new LogPublisher(runtime, this::nodeId), overlay);
    this.attacher = new ManagerAttacher(channels, this::managersSessionFirst);
    this.renewer = new CertificateRenewer(self, files.identities(), () -> channels.get(managerToAsk()),
        new SecureRandom(), Clock.systemUTC());
    this.roleWork = Executors.newSingleThreadScheduledExecutor(
        r -> Thread.ofPlatform().name("swarm-role").daemon().unstarted(r));
  }

  /** Starts the agent and the certificate renewal. */
  void start() {
    Thread.ofPlatform().name("swarm-agent").daemon().start(() -> runLoop("agent", agent::run));
    Thread.ofPlatform().name("cert-renewer").daemon().start(() -> runLoop("certificate renewer", renewer::run));
  }

  private void runLoop(String what, Runner r) {
    try {
      r.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("the {} of node {} failed", what, nodeId(), e);
    }
  }

  @FunctionalInterface
  private interface Runner {
    void run() throws InterruptedException;
  }

  String nodeId() {
    return self.get().nodeId();
  }

  CurrentIdentity identity() {
    return self;
  }

  ManagerChannels channels() {
    return channels;
  }

  NodeState state() {
    return state;
  }

  List<String> knownManagers() {
    return managers.all();
  }

  /** Asks the managers for standalone containers' addresses on swarm networks. */
  NetworkAttacher attacher() {
    return attacher;
  }

  private List<String> managersSessionFirst() {
    List<String> out = new java.util.ArrayList<>(managers.all());
    agent.connectedTo().ifPresent(a -> {
      out.remove(a);
      out.addFirst(a);
    });
    return out;
  }

  Optional<ManagerNode> manager() {
    return Optional.ofNullable(manager);
  }

  /** Takes the manager half that init started. */
  void attach(ManagerNode m) {
    manager = m;
  }

  /**
   * Starts the manager half (synchronously): reopens this node's store if it has one, else joins
   * the Raft group through the manager at {@code via}.
   */
  void becomeManager(String via) throws IOException {
    StoreConfig config = ManagerNode.storeConfig(files.raft(), self, state);
    Store store = null;
    if (Store.exists(config)) {
      store = Store.open(config);
      if (store.managers().stream().noneMatch(m -> m.nodeId().equals(nodeId()))) {
        // A join that never completed: the group never added this node.
        log.info("node {} has a store it was never a member with; joining afresh", nodeId());
        store.close();
        store = null;
      }
    }
    if (store == null) {
      SwarmFiles.deleteTree(files.raft()); // Ratis formats only an empty directory
      store = Store.join(config);
      try {
        askToJoinRaft(via, config.advertise());
      } catch (RuntimeException e) {
        closeQuietly(store, e);
        SwarmFiles.deleteTree(files.raft());
        throw e;
      }
    }
    manager = ManagerNode.serve(store, self, state);
    log.info("node {} runs as a manager", nodeId());
  }

  /**
   * Asks the manager at {@code via} to add this node to the Raft group, on a new connection: one
   * opened before a promotion still presents the worker certificate.
   */
  private void askToJoinRaft(String via, String raftAddr) {
    ManagedChannel channel = ClusterChannels.toManager(via, self);
    try {
      RaftMembershipGrpc.newBlockingStub(channel)
          .withDeadlineAfter(RaftTimings.MEMBERSHIP_TIMEOUT.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)
          .join(RaftJoinRequest.newBuilder().setRaftAddr(raftAddr).build());
    } catch (StatusRuntimeException e) {
      throw ClusterStatus.toShoal(e, via);
    } finally {
      channel.shutdownNow();
    }
  }

  private String managerToAsk() {
    return agent.connectedTo().orElseGet(() -> {
      List<String> all = managers.all();
      if (all.isEmpty()) {
        throw new UnavailableException("this node knows no manager of its swarm");
      }
      return all.getFirst();
    });
  }

  @Override
  public void roleChanged(NodeRole role) {
    NodeRole before = wantedRole;
    wantedRole = role;
    boolean hasRole = self.get().role() == role && (role == NodeRole.MANAGER) == (manager != null);
    if (role != before && !hasRole && !roleWork.isShutdown()) {
      roleWork.execute(this::reconcileRole);
    }
  }

  @Override
  public void connected(String addr, String error) {
    String before = sessionError;
    sessionError = addr == null ? error : null;
    if (addr == null && !error.equals(before)) {
      log.info("node {} has no session with a manager: {}", nodeId(), error);
    }
  }

  /** Why the agent has no session now (null while it has one). */
  String sessionError() {
    return sessionError;
  }

  /** One attempt to make the certificate and the manager half match the wanted role. */
  private void reconcileRole() {
    NodeRole want = wantedRole;
    try {
      if (self.get().role() != want) {
        renewer.renew();
        if (self.get().role() != want) {
          throw new UnavailableException("the CA still issues a " + self.get().role().dockerName() + " certificate");
        }
        log.info("node {} now holds a {} certificate", nodeId(), want.dockerName());
      }
      if (want == NodeRole.MANAGER && manager == null) {
        becomeManager(managerToAsk());
      } else if (want == NodeRole.WORKER && manager != null) {
        ManagerNode m = manager;
        manager = null;
        m.close();
        SwarmFiles.deleteTree(files.raft());
        log.info("node {} was demoted: its store is closed and removed", nodeId());
      }
    } catch (IOException | ShoalException | StoreException | IllegalStateException e) {
      log.warn("node {} cannot become a {} yet: {}", nodeId(), want.dockerName(), e.getMessage());
      if (!roleWork.isShutdown()) {
        roleWork.schedule(() -> {
          if (wantedRole == want) {
            reconcileRole();
          }
        }, ROLE_RETRY.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private void saveManagers(List<String> list) {
    NodeState next = state.withManagers(list);
    state = next;
    try {
      next.save(files.dir());
    } catch (IOException e) {
      log.warn("cannot save the managers of node {}: {}", nodeId(), e.toString());
    }
  }

  private static void closeQuietly(Store store, Exception cause) {
    try {
      store.close();
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * Stops and removes the containers of every task (the node left the swarm: Docker removes
   * them too). Call after {@link #close()}.
   */
  void removeTaskContainers() {
    for (TaskRuntime.TaskContainer c : runtime.taskContainers()) {
      try {
        runtime.stop(c.id(), null);
        runtime.remove(c.id());
      } catch (ShoalException | IllegalStateException e) {
        log.warn("cannot remove container {} of task {}: {}", c.id(), c.taskId(), e.getMessage());
      }
    }
  }

  /** Stops everything this node runs; the state on disk and the tasks' containers stay. */
  @Override
  public void close() {
    agent.stop();
    executor.close();
    renewer.stop();
    roleWork.shutdownNow();
    try {
      roleWork.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ManagerNode m = manager;
    manager = null;
    if (m != null) {
      m.close();
    }
    channels.close();
  }
}
