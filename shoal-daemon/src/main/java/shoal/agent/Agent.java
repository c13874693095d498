package shoal.agent;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.cluster.NodeRole;
import shoal.manager.dispatcher.DispatcherService;
import shoal.proto.AgentMessage;
import shoal.proto.DispatcherGrpc;
import shoal.proto.Heartbeat;
import shoal.proto.ManagerMessage;
import shoal.proto.Register;
import shoal.proto.SessionParams;
import shoal.proto.TaskStatus;
import shoal.proto.TaskStatusUpdate;

/**
 * The node's session with the leader's dispatcher: registers what this host is, heartbeats, and
 * follows what the leader sends (managers, heartbeat period, the node's role). When the session
 * ends it dials the next manager at once, going straight to the leader when a follower names it,
 * so that after a failover the node is back within a few retries of the new leader's election.
 * Assignments go to the {@link Executor}, and the task statuses it reports go back on the session
 * (all of them when a session opens, then as they change); log subscriptions go to the {@link
 * LogPublisher}; the swarm networks the node needs and their peers go to its {@link OverlayPlane},
 * in the order the session sent them (a network before the tasks that need it, its removal after).
 */
public final class Agent {
  private static final Logger log = LoggerFactory.getLogger(Agent.class);

  /** How long a manager may take to accept a registration. */
  static final Duration ACCEPT_TIMEOUT = Duration.ofSeconds(5);

  /** Pauses between failed attempts grow from MIN_RETRY to MAX_RETRY. */
  static final Duration MIN_RETRY = Duration.ofMillis(100);

  static final Duration MAX_RETRY = Duration.ofMillis(500);

  /** The most task statuses one message carries. */
  static final int STATUS_BATCH = 500;

  /** What the agent reports to the node. */
  public interface Listener {
    /** The leader says this node is to have {@code role} (sent with every parameter update). */
    void roleChanged(NodeRole role);

    /** A session is open with {@code addr} (null: none is, and {@code error} says why). */
    void connected(String addr, String error);
  }

  private static final Object END = new Object();
  private static final Object STOP = new Object();
  private static final Object STATUS = new Object();

  private final HostDescription host;
  private final String advertiseAddr;
  private final ManagerList managers;
  private final ManagerChannels channels;
  private final Listener listener;
  private final Executor executor;
  private final LogPublisher logs;
  private final OverlaySync overlay;
  private final CountDownLatch exited = new CountDownLatch(1);
  private volatile boolean stopping;
  private volatile boolean running;
  // The open session's inbox, so that stop() can wake the agent's thread.
  private volatile BlockingQueue<Object> inbox;
  private volatile String connectedTo;

  public Agent(HostDescription host, String advertiseAddr, ManagerList managers,
      ManagerChannels channels, Listener listener, Executor executor, LogPublisher logs) {
    this(host, advertiseAddr, managers, channels, listener, executor, logs, OverlayPlane.NONE);
  }

  /** @param overlay the node's overlay data plane: told the networks and peers the session sends */
  public Agent(HostDescription host, String advertiseAddr, ManagerList managers,
      ManagerChannels channels, Listener listener, Executor executor, LogPublisher logs,
      OverlayPlane overlay) {
    this.overlay = new OverlaySync(overlay);
    this.host = host;
    this.advertiseAddr = advertiseAddr;
    this.managers = managers;
    this.channels = channels;
    this.listener = listener;
    this.executor = executor;
    this.logs = logs;
  }

  /** The manager the open session is with. */
  public Optional<String> connectedTo() {
    return Optional.ofNullable(connectedTo);
  }

  /** Keeps a session open until {@link #stop()}. */
  public void run() throws InterruptedException {
    running = true;
    try {
      long pause = MIN_RETRY.toMillis();
      while (!stopping) {
        String addr = managers.next();
        if (addr == null) {
          Thread.sleep(MAX_RETRY.toMillis());
          continue;
        }
        String failure = session(addr);
        connectedTo = null;
        if (stopping) {
          break;
        }
        if (failure == null) {
          pause = MIN_RETRY.toMillis();
          continue;
        }
        listener.connected(null, failure);
        Thread.sleep(pause);
        pause = Math.min(pause * 2, MAX_RETRY.toMillis());
      }
    } finally {
      running = false;
      exited.countDown();
    }
  }

  /** Ends the session (the dispatcher marks the node Down at once) and waits for the exit. */
  public void stop() {
    stopping = true;
    BlockingQueue<Object> q = inbox;
    if (q != null) {
      q.offer(STOP);
    }
    if (!running) {
      return;
    }
    try {
      exited.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One session with {@code addr}, until it ends. Returns null if it was accepted (a new one can
   * be tried at once), or why it failed.
   */
  private String session(String addr) throws InterruptedException {
    BlockingQueue<Object> q = new LinkedBlockingQueue<>();
    ClientCallStreamObserver<AgentMessage> out = (ClientCallStreamObserver<AgentMessage>)
        DispatcherGrpc.newStub(channels.get(addr)).session(new StreamObserver<>() {
          @Override
          public void onNext(ManagerMessage m) {
            q.offer(m);
          }

          @Override
          public void onError(Throwable t) {
            q.offer(t);
          }

          @Override
          public void onCompleted() {
            q.offer(END);
          }
        });
    inbox = q;
    try {
      if (stopping) {
        out.onCompleted();
        return null;
      }
      out.onNext(AgentMessage.newBuilder().setRegister(Register.newBuilder()
          .setDescription(host.toProto(advertiseAddr))).build());
      Object first = q.poll(ACCEPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (!(first instanceof ManagerMessage m) || !m.hasAccepted()) {
        if (first == STOP) {
          out.onCompleted();
          return null;
        }
        out.cancel("no session", null);
        return refused(addr, first);
      }
      connectedTo = addr;
      executor.outbox().onPut(() -> q.offer(STATUS));
      sendStatuses(out, executor.statuses());
      SessionParams params = m.getAccepted().getParams();
      apply(params);
      listener.connected(addr, null);
      log.info("session open with manager {} (heartbeat every {} ms)", addr, params.getHeartbeatPeriodMs());
      long period = Math.max(1, params.getHeartbeatPeriodMs());
      long nextBeat = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(period);
      while (true) {
        // A busy inbox must not hold heartbeats back: once one is due it goes first.
        long wait = nextBeat - System.nanoTime();
        Object next = wait > 0 ? q.poll(wait, TimeUnit.NANOSECONDS) : null;
        if (next == null) {
          out.onNext(AgentMessage.newBuilder().setHeartbeat(Heartbeat.getDefaultInstance()).build());
          nextBeat = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(period);
        } else if (next == STOP) {
          out.onCompleted();
          return null;
        } else if (next instanceof ManagerMessage msg && msg.hasParams()) {
          apply(msg.getParams());
          period = Math.max(1, msg.getParams().getHeartbeatPeriodMs());
        } else if (next == STATUS) {
          sendStatuses(out, executor.outbox().drain());
        } else if (next instanceof ManagerMessage msg && msg.hasTasks()) {
          executor.assign(msg.getTasks());
        } else if (next instanceof ManagerMessage msg && msg.hasAttachments()) {
          overlay.networks(msg.getAttachments());
        } else if (next instanceof ManagerMessage msg && msg.hasPeers()) {
          overlay.peers(msg.getPeers());
        } else if (next instanceof ManagerMessage msg && msg.hasLogSubscription()) {
          logs.subscription(msg.getLogSubscription(), channels.get(addr));
        } else if (next instanceof ManagerMessage) {
          continue; // what a later version sends
        } else {
          String why = refused(addr, next);
          log.info("session with manager {} ended: {}", addr, why);
          return null;
        }
      }
    } finally {
      executor.outbox().onPut(() -> { });
      logs.sessionEnded();
      inbox = null;
    }
  }

  private static void sendStatuses(StreamObserver<AgentMessage> out, List<TaskStatus> statuses) {
    for (int i = 0; i < statuses.size(); i += STATUS_BATCH) {
      out.onNext(AgentMessage.newBuilder().setTaskStatus(TaskStatusUpdate.newBuilder()
          .addAllStatuses(statuses.subList(i, Math.min(statuses.size(), i + STATUS_BATCH)))).build());
    }
  }

  private void apply(SessionParams p) {
    managers.update(p.getManagersList().stream().map(shoal.proto.Manager::getAddr).toList());
    if (p.getRole() != shoal.proto.NodeRole.NODE_ROLE_UNSPECIFIED) {
      listener.roleChanged(NodeRole.ofProto(p.getRole()));
    }
  }

  /** Why a session was refused or ended; a follower's refusal names the leader, dialled next. */
  private String refused(String addr, Object why) {
    if (why == null) {
      return "manager " + addr + " did not answer within " + ACCEPT_TIMEOUT.toMillis() + " ms";
    }
    if (why == END) {
      return "manager " + addr + " ended the session";
    }
    if (why instanceof Throwable t) {
      Status s = Status.fromThrowable(t);
      if (t instanceof StatusRuntimeException e && e.getTrailers() != null) {
        String leader = e.getTrailers().get(DispatcherService.LEADER);
        if (leader != null && !leader.equals(addr)) {
          managers.prefer(leader);
        }
      }
      return "manager " + addr + ": " + (s.getDescription() == null ? s.getCode().toString() : s.getDescription());
    }
    return "manager " + addr + " sent " + why;
  }
}
