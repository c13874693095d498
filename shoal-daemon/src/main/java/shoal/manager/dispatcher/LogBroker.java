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

  /**
   * One subscription. Each node asked sends on a stream named by a stream ID: the subscription's
   * own for the tasks known at the start, one more per task that started later (a node runs one
   * publisher per ID). What is pending is keyed {@code streamId@nodeId}.
   */
  private final class Subscription {
    final String id = UUID.randomUUID().toString();
    final LogFeed feed = new LogFeed(() -> cancel(this));
    final LogSelector selector;
    // Following a service: the feed stays open for its tasks to come, until the reader leaves.
    final boolean open;
    // Each asked task's service, which the lines carry to the reader; guarded by pending.
    final Map<String, String> serviceOf = new HashMap<>();
    // Stream IDs other than id, registered in subscriptions; guarded by pending.
    final Set<String> extraStreams = new HashSet<>();
    final Set<String> pending = new HashSet<>();

    Subscription(LogSelector selector) {
      this.selector = selector;
      this.open = selector.getFollow() && selector.getServiceIdsCount() > 0;
    }

    /** Marks a node's stream done; ends the feed after the last one unless it stays open. */
    void done(String key, String error) {
      boolean last;
      synchronized (pending) {
        if (!pending.remove(key)) {
          return;
        }
        last = pending.isEmpty() && !open;
      }
      if (!error.isEmpty()) {
        feed.put(LogBatch.newBuilder().setSubscriptionId(id).setError(error).build());
      }
      if (last) {
        forget(this);
        feed.end();
      }
    }

    String serviceOf(String taskId) {
      synchronized (pending) {
        return serviceOf.get(taskId);
      }
    }
  }

  private static String key(String streamId, String nodeId) {
    return streamId + "@" + nodeId;
  }

  private static String nodeOf(String key) {
    return key.substring(key.lastIndexOf('@') + 1);
  }

  private static String streamOf(String key) {
    return key.substring(0, key.lastIndexOf('@'));
  }

  /** Subscribes to the logs of the selected services' and tasks' containers, on every node that has one. */
  LogFeed subscribe(LogSelector sel) {
    Set<String> services = new HashSet<>(sel.getServiceIdsList());
    Set<String> taskIds = new HashSet<>(sel.getTaskIdsList());
    List<TaskObject> tasks = store.viewLocal(tx -> tx.tasks().list(t -> !t.nodeId().isEmpty()
        && (services.contains(t.serviceId()) || taskIds.contains(t.id()))));
    Map<String, LogSubscription.Builder> byNode = new HashMap<>();
    Subscription sub = new Subscription(sel);
    synchronized (sub.pending) {
      for (TaskObject t : tasks) {
        sub.serviceOf.put(t.id(), t.serviceId());
        byNode.computeIfAbsent(t.nodeId(), n -> LogSubscription.newBuilder().setId(sub.id)
            .setFollow(sel.getFollow()).setTail(sel.getTail()).setSinceNs(sel.getSinceNs())).addTaskIds(t.id());
      }
      byNode.keySet().forEach(n -> sub.pending.add(key(sub.id, n)));
    }
    subscriptions.put(sub.id, sub);
    if (byNode.isEmpty() && !sub.open) {
      subscriptions.remove(sub.id);
      sub.feed.end();
      return sub.feed;
    }
    byNode.forEach((nodeId, s) -> ask(sub, nodeId, s));
    log.debug("log subscription {}: {} tasks on {} nodes", sub.id, tasks.size(), byNode.size());
    return sub.feed;
  }

  private void ask(Subscription sub, String nodeId, LogSubscription.Builder s) {
    Session session = sessions.apply(nodeId);
    if (session == null) {
      sub.done(key(s.getId(), nodeId), INCOMPLETE + "node " + nodeId + " is not available");
    } else {
      session.send(ManagerMessage.newBuilder().setLogSubscription(s));
    }
  }

  /**
   * A task changed in the store (the dispatcher's loop calls this): a task of a followed service
   * that has started since the subscription began is asked of its node, from its first line.
   */
  void taskChanged(TaskObject t) {
    // Every task event passes here: nothing to do is the common case and must cost nothing.
    if (subscriptions.isEmpty() || t.nodeId().isEmpty()
        || t.status().state().compareTo(TaskObject.TaskState.RUNNING) < 0) {
      return;
    }
    for (Subscription sub : Set.copyOf(subscriptions.values())) {
      if (!sub.open || !sub.selector.getServiceIdsList().contains(t.serviceId())) {
        continue;
      }
      String stream = sub.id + "." + t.id();
      synchronized (sub.pending) {
        if (sub.serviceOf.containsKey(t.id()) || !subscriptions.containsKey(sub.id)) {
          continue;
        }
        sub.serviceOf.put(t.id(), t.serviceId());
        sub.extraStreams.add(stream);
        sub.pending.add(key(stream, t.nodeId()));
      }
      subscriptions.put(stream, sub);
      ask(sub, t.nodeId(), LogSubscription.newBuilder().setId(stream).setFollow(true).setTail(-1)
          .setSinceNs(sub.selector.getSinceNs()).addTaskIds(t.id()));
    }
  }

  /** What {@code nodeId} published for a subscription; ignored unless the node was asked. */
  void published(String nodeId, LogBatch b) {
    Subscription sub = subscriptions.get(b.getSubscriptionId());
    if (sub == null) {
      return;
    }
    String key = key(b.getSubscriptionId(), nodeId);
    synchronized (sub.pending) {
      if (!sub.pending.contains(key)) {
        return;
      }
    }
    if (b.getLinesCount() > 0) {
      LogBatch.Builder out = LogBatch.newBuilder().setSubscriptionId(sub.id);
      for (LogLine l : b.getLinesList()) {
        String service = sub.serviceOf(l.getTaskId());
        if (service != null) {
          out.addLines(l.toBuilder().setServiceId(service).setNodeId(nodeId));
        }
      }
      sub.feed.put(out.build());
    }
    if (b.getDone()) {
      sub.done(key, b.getError().isEmpty() ? "" : INCOMPLETE + b.getError());
    }
  }

  /** A node's stream for a subscription broke before it was done. */
  void broken(String nodeId, String subscriptionId) {
    Subscription sub = subscriptions.get(subscriptionId);
    if (sub != null) {
      sub.done(key(subscriptionId, nodeId), INCOMPLETE + "node " + nodeId + " is not available");
    }
  }

  /** A node's session ended: the subscriptions it was in are done for it. */
  void sessionEnded(String nodeId) {
    for (Subscription sub : Set.copyOf(subscriptions.values())) {
      List<String> keys;
      synchronized (sub.pending) {
        keys = sub.pending.stream().filter(k -> nodeOf(k).equals(nodeId)).toList();
      }
      keys.forEach(k -> sub.done(k, INCOMPLETE + "node " + nodeId + " is not available"));
    }
  }

  private void forget(Subscription sub) {
    subscriptions.remove(sub.id, sub);
    synchronized (sub.pending) {
      sub.extraStreams.forEach(s -> subscriptions.remove(s, sub));
    }
  }

  /** The subscriber left: the nodes still sending are told to stop. */
  private void cancel(Subscription sub) {
    if (!subscriptions.containsKey(sub.id)) {
      return;
    }
    forget(sub);
    Set<String> keys;
    synchronized (sub.pending) {
      keys = new HashSet<>(sub.pending);
      sub.pending.clear();
    }
    for (String key : keys) {
      Session s = sessions.apply(nodeOf(key));
      if (s != null) {
        s.send(ManagerMessage.newBuilder().setLogSubscription(
            LogSubscription.newBuilder().setId(streamOf(key)).setClose(true)));
      }
    }
  }

  /** Ends every subscription (the dispatcher stops). */
  void close() {
    for (Subscription sub : Set.copyOf(subscriptions.values())) {
      sub.feed.put(LogBatch.newBuilder().setError(INCOMPLETE + "the manager stopped leading").build());
      forget(sub);
      sub.feed.end();
    }
  }
}
