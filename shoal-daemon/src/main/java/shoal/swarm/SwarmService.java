package shoal.swarm;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.agent.HostDescription;
import shoal.agent.NetworkAttacher;
import shoal.agent.OverlayPlane;
import shoal.agent.TaskNetwork;
import shoal.agent.TaskRuntime;
import shoal.cluster.CurrentIdentity;
import shoal.cluster.JoinClient;
import shoal.cluster.NodeIdentity;
import shoal.cluster.NodeRole;
import shoal.errors.InvalidArgumentException;
import shoal.errors.ShoalException;
import shoal.errors.SystemException;
import shoal.errors.UnavailableException;
import shoal.manager.allocator.Ingress;
import shoal.manager.store.Leadership;
import shoal.manager.store.Store;
import shoal.manager.store.StoreException;
import shoal.manager.store.objects.NodeObject;

/**
 * The one owner of this node's swarm membership, behind {@code /swarm*}, {@code /nodes*} and the
 * Swarm parts of {@code /info} and {@code /_ping}: init, join and leave, and the way to the
 * manager's controls. Comes back after a restart from what the node stored.
 */
public final class SwarmService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SwarmService.class);

  /** How long a join waits for the manager to answer. */
  static final Duration JOIN_TIMEOUT = Duration.ofSeconds(20);

  /** How long init waits for its single-manager Raft group to elect itself. */
  static final Duration INIT_LEADER_TIMEOUT = Duration.ofSeconds(10);

  static final String NOT_IN_SWARM = "This node is not part of a swarm";
  static final String ALREADY_IN_SWARM = "This node is already part of a swarm. Use \"docker swarm leave\" to leave this swarm and join another one.";
  static final String NO_SWARM_MANAGER = "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.";
  static final String WORKER_NOT_MANAGER = "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.";
  static final String MANAGER_NOT_READY = "This node is not a swarm manager. Manager is being prepared or has trouble connecting to the cluster.";

  private final SwarmFiles files;
  private final HostDescription host;
  private final TaskRuntime runtime;
  private final OverlayPlane overlay;
  // Held for a whole init, join, leave or close: transitions happen one at a time. Readers use
  // the volatile fields below, each replaced whole.
  private final ReentrantLock transitions = new ReentrantLock();
  private volatile SwarmNode node;
  private volatile LocalNodeState state = LocalNodeState.INACTIVE;
  private volatile String error = "";

  private SwarmService(SwarmFiles files, HostDescription host, TaskRuntime runtime, OverlayPlane overlay) {
    this.files = files;
    this.host = host;
    this.runtime = runtime;
    this.overlay = overlay;
  }

  /**
   * The service, with the node back in its swarm if it was in one when the daemon stopped.
   *
   * @param runtime where the node runs the tasks assigned to it
   */
  public static SwarmService start(java.nio.file.Path dataRoot, HostDescription host, TaskRuntime runtime) {
    return start(dataRoot, host, runtime, OverlayPlane.NONE);
  }

  /**
   * The service, with the node back in its swarm if it was in one when the daemon stopped.
   *
   * @param runtime where the node runs the tasks assigned to it
   * @param overlay the node's overlay data plane: the networks and peers its sessions send
   */
  public static SwarmService start(java.nio.file.Path dataRoot, HostDescription host, TaskRuntime runtime,
      OverlayPlane overlay) {
    SwarmService s = new SwarmService(new SwarmFiles(dataRoot), host, runtime, overlay);
    s.recover();
    return s;
  }

  private void recover() {
    try {
      Optional<NodeIdentity> identity = files.identities().load();
      if (identity.isEmpty()) {
        // An init or join that died half-way left no identity: nothing of it is worth keeping.
        files.deleteAll();
        return;
      }
      NodeState st = NodeState.load(files.dir()).orElseThrow(() ->
          new IOException("the node has an identity but no " + NodeState.FILE + " in " + files.dir()));
      SwarmNode n = new SwarmNode(files, new CurrentIdentity(identity.get()), st, host, runtime, overlay);
      if (identity.get().role() == NodeRole.MANAGER && Store.exists(ManagerNode.storeConfig(files.raft(), n.identity(), st))) {
        try {
          n.becomeManager(st.managers().isEmpty() ? st.advertiseAddr() : st.managers().getFirst());
        } catch (IOException | RuntimeException e) {
          // The agent hears its role from the leader and retries until the manager half runs.
          log.warn("node {} cannot start its manager half yet: {}", n.nodeId(), e.getMessage());
        }
      } else if (identity.get().role() == NodeRole.WORKER) {
        SwarmFiles.deleteTree(files.raft()); // a demotion the daemon did not finish
      }
      n.start();
      node = n;
      state = LocalNodeState.ACTIVE;
      log.info("node {} is back in swarm {} as a {}", n.nodeId(), identity.get().clusterId(), identity.get().role().dockerName());
    } catch (IOException | RuntimeException e) {
      state = LocalNodeState.ERROR;
      error = "cannot restore the swarm state from " + files.dir() + ": " + e.getMessage();
      log.error(error, e);
    }
  }

  /** {@code swarm init}: a new swarm with this node as its only manager; returns the node ID. */
  public String init(InitRequest req) {
    transitions.lock();
    try {
      requireNotInSwarm();
      if (req.forceNewCluster()) {
        throw new InvalidArgumentException("--force-new-cluster is not supported by Shoal");
      }
      Addresses.HostPort listen = Addresses.parse(orDefault(req.listenAddr()), Addresses.DEFAULT_PORT, "listen address");
      Addresses.HostPort advertise = advertiseForInit(req.advertiseAddr(), listen);
      ClusterBootstrap boot = ClusterBootstrap.create(req, advertise, host, Instant.now());
      NodeState st = new NodeState(listen.toString(), advertise.toString(), List.of(advertise.toString()));
      state = LocalNodeState.PENDING;
      SwarmNode n = null;
      try {
        files.identities().save(boot.identity());
        st.save(files.dir());
        CurrentIdentity self = new CurrentIdentity(boot.identity());
        Store store = Store.bootstrap(ManagerNode.storeConfig(files.raft(), self, st));
        try {
          Leadership l = store.awaitLeader(INIT_LEADER_TIMEOUT);
          if (!l.hasLeader()) {
            throw new UnavailableException("the new swarm's Raft group elected no leader within " + INIT_LEADER_TIMEOUT.toSeconds() + " s");
          }
          store.update(tx -> {
            tx.cluster().create(boot.cluster());
            tx.nodes().create(boot.self().withStatus(new NodeObject.Status(NodeObject.State.READY, "", advertise.host())));
            tx.networks().create(Ingress.network(boot.cluster().defaultAddressPool()));
            return null;
          });
        } catch (RuntimeException e) {
          store.close();
          throw e;
        }
        n = new SwarmNode(files, self, st, host, runtime, overlay);
        n.attach(ManagerNode.serve(store, self, st));
        n.start();
      } catch (IOException | RuntimeException | InterruptedException e) {
        throw undo(n, e, "swarm init");
      }
      node = n;
      state = LocalNodeState.ACTIVE;
      log.info("swarm {} initialized: node {} manages it, advertised at {}", boot.cluster().id(), n.nodeId(), advertise);
      return n.nodeId();
    } finally {
      transitions.unlock();
    }
  }

  private static Addresses.HostPort advertiseForInit(String given, Addresses.HostPort listen) {
    Addresses.HostPort adv;
    if (given != null && !given.isBlank()) {
      adv = Addresses.parse(given, listen.port(), "advertise address");
    } else if (!Addresses.isUnspecified(listen.host())) {
      adv = listen;
    } else {
      adv = new Addresses.HostPort(Addresses.systemAddress(), listen.port());
    }
    if (Addresses.isUnspecified(adv.host())) {
      throw new InvalidArgumentException("advertise address must be a non-zero IP address");
    }
    return adv;
  }

  /** {@code swarm join}: joins through the first manager of {@code remoteAddrs} that answers. */
  public void join(JoinRequest req) {
    transitions.lock();
    try {
      requireNotInSwarm();
      if (req.remoteAddrs().isEmpty()) {
        throw new InvalidArgumentException("at least 1 RemoteAddr is required to join");
      }
      Addresses.HostPort listen = Addresses.parse(orDefault(req.listenAddr()), Addresses.DEFAULT_PORT, "listen address");
      List<Addresses.HostPort> remotes = new ArrayList<>();
      for (String r : req.remoteAddrs()) {
        remotes.add(Addresses.parse(r, Addresses.DEFAULT_PORT, "remote address"));
      }
      state = LocalNodeState.PENDING;
      SwarmNode n = null;
      try {
        UnavailableException unreachable = null;
        for (Addresses.HostPort remote : remotes) {
          Addresses.HostPort advertise = req.advertiseAddr() == null || req.advertiseAddr().isBlank()
              ? new Addresses.HostPort(Addresses.towards(remote), listen.port())
              : Addresses.parse(req.advertiseAddr(), listen.port(), "advertise address");
          JoinClient.Joined joined;
          try {
            joined = JoinClient.join(remote.toString(), req.joinToken(), host.hostname(), advertise.toString(),
                files.identities(), JOIN_TIMEOUT);
          } catch (UnavailableException e) {
            unreachable = e;
            continue;
          }
          NodeState st = new NodeState(listen.toString(), advertise.toString(),
              joined.managers().isEmpty() ? List.of(remote.toString()) : joined.managers());
          st.save(files.dir());
          n = new SwarmNode(files, new CurrentIdentity(joined.identity()), st, host, runtime, overlay);
          if (joined.identity().role() == NodeRole.MANAGER) {
            n.becomeManager(remote.toString());
          }
          n.start();
          node = n;
          state = LocalNodeState.ACTIVE;
          log.info("node {} joined swarm {} as a {} through {}", n.nodeId(), joined.identity().clusterId(),
              joined.identity().role().dockerName(), remote);
          return;
        }
        throw unreachable;
      } catch (IOException | RuntimeException e) {
        throw undo(n, e, "swarm join");
      }
    } finally {
      transitions.unlock();
    }
  }

  /** Puts everything back as it was before a failed init or join; returns what to throw. */
  private RuntimeException undo(SwarmNode n, Exception e, String what) {
    if (n != null) {
      n.close();
    }
    try {
      files.deleteAll();
    } catch (IOException cleanup) {
      e.addSuppressed(cleanup);
    }
    state = LocalNodeState.INACTIVE;
    log.warn("{} failed, nothing of it kept: {}", what, e.getMessage());
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return switch (e) {
      case ShoalException s -> s;
      case StoreException s -> StoreErrors.map(s);
      case RuntimeException r when r.getCause() instanceof ShoalException s -> s;
      default -> new SystemException(what + " failed: " + e.getMessage(), e);
    };
  }

  /** {@code swarm leave}: a manager needs {@code force}; the node forgets the swarm, its containers keep running. */
  public void leave(boolean force) {
    transitions.lock();
    try {
      SwarmNode n = node;
      if (n == null) {
        if (state != LocalNodeState.ERROR) {
          throw new UnavailableException(NOT_IN_SWARM);
        }
      } else if (n.identity().get().role() == NodeRole.MANAGER && !force) {
        throw new UnavailableException(LeaveCheck.refusal(n.manager().map(m -> m.store()), n.nodeId()));
      }
      node = null;
      if (n != null) {
        n.close();
        n.removeTaskContainers();
      }
      try {
        files.deleteAll();
      } catch (IOException e) {
        throw new SystemException("left the swarm but could not remove " + files.dir() + ": " + e.getMessage(), e);
      } finally {
        state = LocalNodeState.INACTIVE;
        error = "";
      }
      log.info("node {} left the swarm", n == null ? "(in error)" : n.nodeId());
    } finally {
      transitions.unlock();
    }
  }

  private void requireNotInSwarm() {
    if (node != null || state != LocalNodeState.INACTIVE) {
      throw new UnavailableException(state == LocalNodeState.ERROR ? error + " (use \"docker swarm leave --force\" to start afresh)" : ALREADY_IN_SWARM);
    }
  }

  private static String orDefault(String listen) {
    return listen == null || listen.isBlank() ? "0.0.0.0:" + Addresses.DEFAULT_PORT : listen;
  }

  /** What {@code /_ping}'s Swarm header says. */
  public String pingState() {
    SwarmNode n = node;
    if (n == null) {
      return state.word();
    }
    String why = n.sessionError();
    if (why != null && why.contains(SwarmInfos.REMOVED)) {
      return LocalNodeState.ERROR.word();
    }
    return "active/" + (n.manager().isPresent() ? "manager" : "worker");
  }

  /** The Swarm section of {@code /info}. */
  /** This node's hostname, as it registers with the managers. */
  public String hostname() {
    return host.hostname();
  }

  public SwarmInfo info() {
    SwarmNode n = node;
    if (n == null) {
      return SwarmInfo.inactive(state, error);
    }
    return SwarmInfos.of(n);
  }

  /**
   * This node's manager half, or Docker's 503 for a worker or a node outside any swarm.
   */
  ManagerNode requireManager() {
    SwarmNode n = node;
    if (n == null) {
      throw new UnavailableException(NO_SWARM_MANAGER);
    }
    return n.manager().orElseThrow(() -> new UnavailableException(
        n.identity().get().role() == NodeRole.MANAGER ? MANAGER_NOT_READY : WORKER_NOT_MANAGER));
  }

  /** The swarm's nodes, as a manager serves them. */
  public NodeControl nodes() {
    ManagerNode m = requireManager();
    return new NodeControl(m.store(), node.nodeId());
  }

  /** The swarm's services, as a manager serves them. */
  public ServiceControl services() {
    ManagerNode m = requireManager();
    SwarmNode n = node;
    return new ServiceControl(m.store(), sel -> m.logs(sel, n.channels()), java.time.Clock.systemUTC());
  }

  /** The swarm's tasks, as a manager serves them. */
  public TaskControl tasks() {
    return new TaskControl(requireManager().store());
  }

  /**
   * Addresses on attachable swarm networks for this node's standalone containers, asked of a
   * manager; outside a swarm it refuses ({@link NetworkAttacher#NONE}).
   */
  public NetworkAttacher attacher() {
    return new NetworkAttacher() {
      @Override
      public TaskNetwork attach(String networkRef, String containerId) {
        SwarmNode n = node;
        return (n == null ? NetworkAttacher.NONE : n.attacher()).attach(networkRef, containerId);
      }

      @Override
      public void detach(String containerId, String networkId) {
        SwarmNode n = node;
        (n == null ? NetworkAttacher.NONE : n.attacher()).detach(containerId, networkId);
      }
    };
  }

  /** The swarm's networks, as a manager serves them. */
  public NetworkControl networks() {
    return new NetworkControl(requireManager().store());
  }

  /** The cluster object (inspect, update, join tokens), as a manager serves it. */
  public ClusterControl cluster() {
    return new ClusterControl(requireManager().store());
  }

  @Override
  public void close() {
    transitions.lock();
    try {
      SwarmNode n = node;
      node = null;
      if (n != null) {
        n.close();
      }
    } finally {
      transitions.unlock();
    }
  }
}
