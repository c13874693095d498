package shoal.manager.dispatcher;

import io.grpc.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.manager.store.Store;
import shoal.manager.store.StoreEvent;
import shoal.manager.store.StoreException;
import shoal.manager.store.Watch;
import shoal.manager.store.WatchClosedException;
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.TaskObject;
import shoal.proto.LogSelector;
import shoal.proto.Manager;
import shoal.proto.NodeDescription;
import shoal.proto.SessionParams;
import shoal.proto.TaskAssignments;
import shoal.proto.TaskStatus;

/**
 * The leader's side of every agent's session: records what a node says of itself when it
 * registers, keeps its status Ready while heartbeats come and turns it Down when they stop (see
 * {@link HeartbeatPolicy}), and tells each agent the heartbeat period, the managers and its role,
 * again whenever they change. Sends each node the tasks assigned to it (all of them when it
 * registers, then what changes, see {@link Assignments}) with the swarm networks they need and
 * their peer tables ({@link NetworkDistribution}), and hands the statuses it reports to the
 * {@link StatusWriter}. Runs on the leader only; {@link DispatcherService} hands it the streams.
 *
 * <p>One loop thread owns the store writes and the copy of the nodes; gRPC threads only queue
 * events and record heartbeats. Registrations that arrive together are written as one batch, so a
 * failover where every agent reconnects at once costs a few Raft entries, not one per node.
 */
public final class Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  /** Docker's message on a node that stopped heartbeating. */
  static final String DOWN_MESSAGE = "heartbeat failure";

  private sealed interface Event {}

  private record Registered(Session session, NodeDescription description) implements Event {}

  private record Ended(Session session, boolean clean) implements Event {}

  private record Changed(StoreEvent event) implements Event {}

  private record Stop() implements Event {}

  private final Store store;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  // Written by the loop thread, read by gRPC threads (heartbeats): one concurrent map.
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Liveness liveness = new Liveness();
  private final HeartbeatLog heartbeats = new HeartbeatLog();
  private final NodeStatusWriter writer;
  private final StatusWriter statuses;
  private final LogBroker logs;
  private final CountDownLatch exited = new CountDownLatch(1);
  private volatile HeartbeatPolicy policy = new HeartbeatPolicy(HeartbeatPolicy.DEFAULT_PERIOD);
  private volatile boolean stopping;
  // Loop thread only: the nodes as the store has them, and the managers list sent to agents.
  private final Map<String, NodeObject> nodes = new HashMap<>();
  private List<Manager> managers = List.of();
  private final NetworkDistribution overlay = new NetworkDistribution();
  private final Assignments assignments = new Assignments(overlay::network);

  public Dispatcher(Store store) {
    this.store = store;
    this.writer = new NodeStatusWriter(store);
    this.statuses = new StatusWriter(store);
    this.logs = new LogBroker(store, sessions::get);
  }

  /** Serves sessions until {@link #stop()}. */
  public void run() throws InterruptedException {
    if (stopping) {
      exited.countDown();
      return;
    }
    Thread forwarder = null;
    Thread statusThread = null;
    Store.WatchedView<List<Object>> start = null;
    try {
      start = store.viewAndWatch(tx -> {
        List<Object> all = new ArrayList<>(tx.nodes().list());
        tx.cluster().find().ifPresent(all::add);
        all.addAll(tx.tasks().list(t -> !t.nodeId().isEmpty()));
        all.addAll(tx.networks().list());
        all.addAll(tx.attachments().list());
        return all;
      }, StoreEvent.ofKind(Kind.NODE, Kind.CLUSTER, Kind.TASK, Kind.NETWORK, Kind.ATTACHMENT));
      Watch watch = start.watch();
      long now = System.nanoTime();
      for (Object o : start.value()) {
        if (o instanceof NodeObject n) {
          nodes.put(n.id(), n);
          // Every node gets a full grace to find this new leader before it counts as Down.
          if (n.status().state() != NodeObject.State.DOWN) {
            liveness.beat(n.id(), now, policy.grace().toNanos());
          }
        } else if (o instanceof ClusterObject c) {
          policy = new HeartbeatPolicy(c.spec().dispatcher().heartbeatPeriod());
        }
      }
      assignments.load(start.value().stream().filter(o -> o instanceof TaskObject).map(o -> (TaskObject) o).toList());
      overlay.load(start.value());
      managers = Params.managersOf(nodes.values());
      statusThread = Thread.ofPlatform().name("dispatcher-statuses").daemon().start(statuses::run);
      forwarder = Thread.ofPlatform().name("dispatcher-watch").daemon().start(() -> forward(watch));
      log.info("dispatcher started: {} nodes, heartbeat every {} ms", nodes.size(), policy.period().toMillis());
      loop();
    } finally {
      if (start != null) {
        start.watch().close();
      }
      if (forwarder != null) {
        forwarder.interrupt();
      }
      if (statusThread != null) {
        statuses.stop();
      }
      Status gone = Status.UNAVAILABLE.withDescription("the dispatcher stopped: this manager is no longer the leader");
      sessions.values().forEach(s -> s.close(gone));
      sessions.clear();
      Thread.ofVirtual().start(logs::close);
      List<Event> left = new ArrayList<>();
      events.drainTo(left);
      left.stream().filter(e -> e instanceof Registered).forEach(e -> ((Registered) e).session().close(gone));
      exited.countDown();
      log.info("dispatcher stopped");
    }
  }

  /** Stops the loop and ends every session (agents then find the new leader); waits for the exit. */
  public void stop() {
    stopping = true;
    events.offer(new Stop());
    try {
      if (!exited.await(10, TimeUnit.SECONDS)) {
        log.warn("the dispatcher did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- called on gRPC threads

  /** A new session asks to register; the answer comes from the loop. */
  void register(Session session, NodeDescription description) {
    if (stopping) {
      session.close(Status.UNAVAILABLE.withDescription("the dispatcher is not running"));
      return;
    }
    events.offer(new Registered(session, description));
  }

  void beat(Session session) {
    if (sessions.get(session.nodeId()) != session) {
      return;
    }
    long now = System.nanoTime();
    HeartbeatPolicy p = policy;
    heartbeats.beat(session.nodeId(), session.beat(now), p);
    liveness.beat(session.nodeId(), now, p.grace().toNanos());
  }

  /** Task statuses from a node; ignored unless its session is the node's current one. */
  void reported(Session session, List<TaskStatus> reported) {
    if (sessions.get(session.nodeId()) == session) {
      statuses.offer(session.nodeId(), reported);
    }
  }

  /**
   * The logs of the selected services' or tasks' containers, from every node that has one.
   * Close the feed when done with it.
   */
  public LogFeed subscribeLogs(LogSelector selector) {
    return logs.subscribe(selector);
  }

  /** Where nodes' published log lines go. */
  LogBroker logs() {
    return logs;
  }

  /** The stream ended: {@code clean} when the agent closed it, not when it broke. */
  void ended(Session session, boolean clean) {
    events.offer(new Ended(session, clean));
  }

  // ---------------------------------------------------------------- loop thread

  private void forward(Watch watch) {
    try {
      while (true) {
        events.offer(new Changed(watch.take()));
      }
    } catch (InterruptedException | WatchClosedException e) {
      // the loop is stopping
    }
  }

  private void loop() throws InterruptedException {
    while (!stopping) {
      Event first = events.poll(policy.checkInterval().toNanos(), TimeUnit.NANOSECONDS);
      List<Event> batch = new ArrayList<>();
      if (first != null) {
        batch.add(first);
        events.drainTo(batch);
      }
      List<Registered> registrations = new ArrayList<>();
      boolean changed = false;
      for (Event e : batch) {
        switch (e) {
          case Stop s -> {
            return;
          }
          case Registered r -> registrations.add(r);
          case Ended end -> end(end.session(), end.clean());
          case Changed c -> changed |= apply(c.event());
        }
      }
      if (!registrations.isEmpty()) {
        registerAll(registrations);
      }
      sendAssignments();
      if (changed) {
        managers = Params.managersOf(nodes.values());
        for (Session s : sessions.values()) {
          NodeObject n = nodes.get(s.nodeId());
          if (n != null) {
            s.update(params(n));
          }
        }
      }
      long now = System.nanoTime();
      markDown(liveness.expired(now));
      heartbeats.report(now, sessions.size(), policy);
    }
  }

  private void end(Session session, boolean clean) {
    if (sessions.remove(session.nodeId(), session)) {
      long now = System.nanoTime();
      liveness.shorten(session.nodeId(), clean ? now : now + policy.brokenGrace().toNanos());
      overlay.forget(session.nodeId());
      log.info("session of node {} {}", session.nodeId(), clean ? "ended by the node" : "broke");
      sessionGone(session.nodeId());
    }
  }

  /** Log subscriptions waiting for the node end for it (off the loop: a slow reader may block). */
  private void sessionGone(String nodeId) {
    Thread.ofVirtual().start(() -> logs.sessionEnded(nodeId));
  }

  /**
   * Sends each node with a session what changed in its assignments and networks: networks added,
   * tasks, peers, networks removed (see {@link NetworkDistribution}).
   */
  private void sendAssignments() {
    Map<String, TaskAssignments> changes = assignments.drain();
    Map<String, NetworkDistribution.Changes> networks = overlay.drain();
    Set<String> nodeIds = new HashSet<>(changes.keySet());
    nodeIds.addAll(networks.keySet());
    for (String nodeId : nodeIds) {
      Session s = sessions.get(nodeId);
      if (s != null) {
        s.send(networks.get(nodeId), changes.get(nodeId));
      }
    }
  }

  /** Applies a store event to the local copy; true when agents may need new parameters. */
  private boolean apply(StoreEvent e) {
    overlay.apply(e);
    switch (e) {
      case StoreEvent.ObjectEvent o when o.object() instanceof TaskObject t -> {
        assignments.apply(e);
        if (!(e instanceof StoreEvent.Deleted)) {
          logs.taskChanged(t);
        }
        return false;
      }
      case StoreEvent.Created c when c.object() instanceof NodeObject n -> nodes.put(n.id(), n);
      case StoreEvent.Updated u when u.object() instanceof NodeObject n -> nodes.put(n.id(), n);
      case StoreEvent.Deleted d when d.object() instanceof NodeObject n -> {
        nodes.remove(n.id());
        liveness.forget(n.id());
        overlay.forget(n.id());
        Session s = sessions.remove(n.id());
        if (s != null) {
          s.close(Status.PERMISSION_DENIED.withDescription("node " + n.id() + " was removed from swarm"));
        }
      }
      case StoreEvent.Created c when c.object() instanceof ClusterObject cl -> policy = new HeartbeatPolicy(cl.spec().dispatcher().heartbeatPeriod());
      case StoreEvent.Updated u when u.object() instanceof ClusterObject cl -> policy = new HeartbeatPolicy(cl.spec().dispatcher().heartbeatPeriod());
      default -> {
        return false;
      }
    }
    return true;
  }

  private void registerAll(List<Registered> registrations) {
    Map<String, NodeObject> registered;
    try {
      registered = writer.ready(registrations.stream().map(r -> new NodeStatusWriter.Registration(
          r.session().nodeId(), r.session().remoteHost(), r.description())).toList());
    } catch (StoreException e) {
      log.warn("cannot record {} registrations: {}", registrations.size(), e.getMessage());
      registrations.forEach(r -> r.session().close(Status.UNAVAILABLE.withDescription(e.getMessage())));
      return;
    }
    long now = System.nanoTime();
    for (Registered r : registrations) {
      Session s = r.session();
      NodeObject node = registered.get(s.nodeId());
      if (node == null) {
        s.close(Status.PERMISSION_DENIED.withDescription("node " + s.nodeId() + " was removed from swarm"));
        continue;
      }
      Session old = sessions.put(s.nodeId(), s);
      if (old != null && old != s) {
        old.close(Status.CANCELLED.withDescription("a newer session of this node replaced this one"));
      }
      liveness.beat(s.nodeId(), now, policy.grace().toNanos());
      s.beat(now);
      s.accept(params(node));
      s.send(overlay.full(s.nodeId()), assignments.full(s.nodeId()));
      log.info("node {} ({}) registered from {}", s.nodeId(), node.description().hostname(), s.remoteHost());
    }
  }

  private void markDown(List<String> expired) {
    if (expired.isEmpty()) {
      return;
    }
    for (String id : expired) {
      Session s = sessions.remove(id);
      overlay.forget(id);
      if (s != null) {
        sessionGone(id);
        // Alive but silent: the agent registers again if it can.
        s.close(Status.UNAVAILABLE.withDescription("no heartbeat within " + policy.grace().toMillis() + " ms"));
      }
    }
    try {
      List<String> marked = writer.down(expired);
      if (!marked.isEmpty()) {
        log.info("nodes Down (no heartbeat): {}", marked);
      }
    } catch (StoreException e) {
      // Try again at the next check.
      long again = System.nanoTime();
      expired.forEach(id -> liveness.shorten(id, again + policy.checkInterval().toNanos()));
      log.warn("cannot mark nodes {} Down: {}", expired, e.getMessage());
    }
  }

  private SessionParams params(NodeObject node) {
    return Params.of(node, policy, managers);
  }
}
