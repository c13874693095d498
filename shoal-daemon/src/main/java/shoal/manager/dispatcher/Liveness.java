package shoal.manager.dispatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deadline by which each node must be heard from, in {@link System#nanoTime()} units. Beats
 * arrive on gRPC threads, the check runs on the dispatcher's loop; each deadline is replaced whole
 * (one concurrent map, no other state).
 */
final class Liveness {
  private final Map<String, Long> deadlines = new ConcurrentHashMap<>();

  /** The node was heard from at {@code now}: it has until {@code now + graceNanos}. */
  void beat(String nodeId, long now, long graceNanos) {
    deadlines.put(nodeId, now + graceNanos);
  }

  /** The node must be heard from by {@code deadline} at the latest (earlier if it already must). */
  void shorten(String nodeId, long deadline) {
    deadlines.merge(nodeId, deadline, (old, next) -> old - next <= 0 ? old : next);
  }

  void forget(String nodeId) {
    deadlines.remove(nodeId);
  }

  /** The nodes whose deadline passed by {@code now}; they are forgotten. */
  List<String> expired(long now) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Long> e : deadlines.entrySet()) {
      if (now - e.getValue() >= 0 && deadlines.remove(e.getKey(), e.getValue())) {
        out.add(e.getKey());
      }
    }
    out.sort(null);
    return out;
  }
}
