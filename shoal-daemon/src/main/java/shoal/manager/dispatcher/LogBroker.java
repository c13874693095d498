package shoal.manager.dispatcher;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.manager.store.Store;
import shoal.manager.store.objects.TaskObject;
import shoal.proto.LogBatch;
import shoal.proto.LogLine;
import shoal.proto.LogSelector;
import shoal.proto.LogSubscription;
import shoal.proto.ManagerMessage;

/**
 * Gathers task logs from the nodes that ran the tasks: asks each node over its session, and
 * routes what the nodes publish back to the subscriber's {@link LogFeed}. A node without a
 * session counts as done, with Docker's warning in the feed.
 */
final class LogBroker {
  private static final Logger log = LoggerFactory.getLogger(LogBroker.class);

  /** swarmkit's words for a node whose logs cannot be had. */
  static final String INCOMPLETE = "warning: incomplete log stream. some logs could not be retrieved for the following reasons: ";

  private final Store store;
  private final Function<String, Session> sessions;
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

  LogBroker(Store store, Function<String, Session> sessions) {
    this.store = store;
    this.sessions = sessions;
  }

  /** One subscription: the nodes still to finish. */
  private final class Subscription {
    final String id = UUID.randomUUID().toString();
    final LogFeed feed = new LogFeed(() -> cancel(this));
    // Each asked task's service, which the lines carry to the reader.
    final Map<String, String> serviceOf = new HashMap<>();
    // Guards pending.
    final Set<String> pending = new HashSet<>();

    /** Marks a node done; ends the feed after the last one. */
    void done(String nodeId, String error) {
      boolean last;
      synchronized (pending) {
        if (!pending.remove(nodeId)) {
          return;
        }
        last = pending.isEmpty();
      }
      if (!error.isEmpty()) {
        feed.put(LogBatch.newBuilder().setSubscriptionId(id).setError(error).build());
      }
      if (last) {
        subscriptions.remove(id, this);
        feed.end();
      }
    }
  }

  /** Subscribes to the logs of the selected services' and tasks' containers, on every node that has one. */
  LogFeed subscribe(LogSelector sel) {
    Set<String> services = new HashSet<>(sel.getServiceIdsList());
    Set<String> taskIds = new HashSet<>(sel.getTaskIdsList());
    List<TaskObject> tasks = store.viewLocal(tx -> tx.tasks().list(t -> !t.nodeId().isEmpty()
        && (services.contains(t.serviceId()) || taskIds.contains(t.id()))));
    Map<String, LogSubscription.Builder> byNode = new HashMap<>();
    Subscription sub = new Subscription();
    for (TaskObject t : tasks) {
      sub.serviceOf.put(t.id(), t.serviceId());
      byNode.computeIfAbsent(t.nodeId(), n -> LogSubscription.newBuilder().setId(sub.id)
          .setFollow(sel.getFollow()).setTail(sel.getTail()).setSinceNs(sel.getSinceNs())).addTaskIds(t.id());
    }
    sub.pending.addAll(byNode.keySet());
    subscriptions.put(sub.id, sub);
    if (byNode.isEmpty()) {
      subscriptions.remove(sub.id);
      sub.feed.end();
      return sub.feed;
    }
    byNode.forEach((nodeId, s) -> {
      Session session = sessions.apply(nodeId);
      if (session == null) {
        sub.done(nodeId, INCOMPLETE + "node " + nodeId + " is not available");
      } else {
        session.send(ManagerMessage.newBuilder().setLogSubscription(s));
      }
    });
    log.debug("log subscription {}: {} tasks on {} nodes", sub.id, tasks.size(), byNode.size());
    return sub.feed;
  }

  /** What {@code nodeId} published for a subscription; ignored unless the node was asked. */
  void published(String nodeId, LogBatch b) {
    Subscription sub = subscriptions.get(b.getSubscriptionId());
    if (sub == null) {
      return;
    }
    synchronized (sub.pending) {
      if (!sub.pending.contains(nodeId)) {
        return;
      }
    }
    if (b.getLinesCount() > 0) {
      LogBatch.Builder out = LogBatch.newBuilder().setSubscriptionId(sub.id);
      for (LogLine l : b.getLinesList()) {
        String service = sub.serviceOf.get(l.getTaskId());
        if (service != null) {
          out.addLines(l.toBuilder().setServiceId(service).setNodeId(nodeId));
        }
      }
      sub.feed.put(out.build());
    }
    if (b.getDone()) {
      sub.done(nodeId, b.getError().isEmpty() ? "" : INCOMPLETE + b.getError());
    }
  }

  /** A node's stream for a subscription broke before it was done. */
  void broken(String nodeId, String subscriptionId) {
    Subscription sub = subscriptions.get(subscriptionId);
    if (sub != null) {
      sub.done(nodeId, INCOMPLETE + "node " + nodeId + " is not available");
    }
  }

  /** A node's session ended: the subscriptions it was in are done for it. */
  void sessionEnded(String nodeId) {
    for (Subscription sub : subscriptions.values()) {
      sub.done(nodeId, INCOMPLETE + "node " + nodeId + " is not available");
    }
  }

  /** The subscriber left: the nodes still sending are told to stop. */
  private void cancel(Subscription sub) {
    if (!subscriptions.remove(sub.id, sub)) {
      return;
    }
    Set<String> nodes;
    synchronized (sub.pending) {
      nodes = new HashSet<>(sub.pending);
      sub.pending.clear();
    }
    for (String nodeId : nodes) {
      Session s = sessions.apply(nodeId);
      if (s != null) {
        s.send(ManagerMessage.newBuilder().setLogSubscription(LogSubscription.newBuilder().setId(sub.id).setClose(true)));
      }
    }
  }

  /** Ends every subscription (the dispatcher stops). */
  void close() {
    for (Subscription sub : subscriptions.values()) {
      sub.feed.put(LogBatch.newBuilder().setError(INCOMPLETE + "the manager stopped leading").build());
      subscriptions.remove(sub.id);
      sub.feed.end();
    }
  }
}
