package shoal.manager.dispatcher;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.proto.ManagerMessage;
import shoal.proto.SessionAccepted;
import shoal.proto.SessionParams;
import shoal.proto.TaskAssignments;

/**
 * One agent's session: the stream the dispatcher writes to, and the parameters it last sent. A
 * gRPC response stream is not thread-safe, so every write goes through this object's lock.
 */
final class Session {
  private static final Logger log = LoggerFactory.getLogger(Session.class);

  private final String id = UUID.randomUUID().toString();
  private final String nodeId;
  private final String remoteHost;
  // Guards out, lastParams and closed; held only while writing one message.
  private final Object lock = new Object();
  private final StreamObserver<ManagerMessage> out;
  private SessionParams lastParams;
  private boolean closed;
  // Written by the stream's own (serial) callbacks and once at registration.
  private volatile long lastBeat;

  Session(String nodeId, String remoteHost, StreamObserver<ManagerMessage> out) {
    this.nodeId = nodeId;
    this.remoteHost = remoteHost == null ? "" : remoteHost;
    this.out = out;
  }

  String nodeId() {
    return nodeId;
  }

  String remoteHost() {
    return remoteHost;
  }

  /** Records a heartbeat at {@code now} (nanoTime); returns the time since the previous one, or 0. */
  long beat(long now) {
    long previous = lastBeat;
    lastBeat = now;
    return previous == 0 ? 0 : now - previous;
  }

  /** Answers the registration. */
  void accept(SessionParams params) {
    synchronized (lock) {
      lastParams = params;
      send(ManagerMessage.newBuilder().setAccepted(SessionAccepted.newBuilder()
          .setSessionId(id).setNodeId(nodeId).setParams(params)).build());
    }
  }

  /** Sends the parameters if they differ from the ones the agent has. */
  void update(SessionParams params) {
    synchronized (lock) {
      if (lastParams == null || Objects.equals(lastParams, params)) {
        return;
      }
      lastParams = params;
      send(ManagerMessage.newBuilder().setParams(params).build());
    }
  }

  /**
   * Sends tasks with the networks they need, in the order the agent relies on: networks added,
   * tasks, peers, networks removed. Either may be null (nothing of it).
   */
  void send(NetworkDistribution.Changes networks, TaskAssignments tasks) {
    synchronized (lock) {
      if (networks != null && networks.added() != null) {
        send(ManagerMessage.newBuilder().setAttachments(networks.added()).build());
      }
      if (tasks != null) {
        send(ManagerMessage.newBuilder().setTasks(tasks).build());
      }
      if (networks != null && networks.peers() != null) {
        send(ManagerMessage.newBuilder().setPeers(networks.peers()).build());
      }
      if (networks != null && networks.removed() != null) {
        send(ManagerMessage.newBuilder().setAttachments(networks.removed()).build());
      }
    }
  }

  /** Sends any other message (log subscriptions). */
  void send(ManagerMessage.Builder m) {
    synchronized (lock) {
      send(m.build());
    }
  }

  /** Ends the session with a status the agent acts on (e.g. UNAVAILABLE: find the new leader). */
  void close(Status status) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (status.isOk()) {
          out.onCompleted();
        } else {
          out.onError(status.asRuntimeException());
        }
      } catch (RuntimeException e) {
        log.debug("session of node {} was already gone: {}", nodeId, e.toString());
      }
    }
  }

  private void send(ManagerMessage m) {
    if (closed) {
      return;
    }
    try {
      out.onNext(m);
    } catch (RuntimeException e) {
      // The call was cancelled under us; its onError reaches the dispatcher on its own.
      log.debug("cannot write to the session of node {}: {}", nodeId, e.toString());
    }
  }

  @Override
  public String toString() {
    return "Session[" + nodeId + " from " + remoteHost + "]";
  }
}
