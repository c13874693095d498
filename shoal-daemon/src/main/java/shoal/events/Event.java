package shoal.events;

import java.util.Map;

/**
 * Something that happened to an object, as {@code docker events} shows it: a container started,
 * a network was created, a node went down.
 *
 * @param type container, image, network, node, service, …
 * @param action start, die, create, destroy, connect, …
 * @param actorId the object's id
 * @param attributes name, image, exit code and the like
 * @param scope local or swarm
 * @param timeNano wall-clock time in nanoseconds since the epoch
 */
public record Event(
    String type,
    String action,
    String actorId,
    Map<String, String> attributes,
    String scope,
    long timeNano) {

  public Event {
    attributes = Map.copyOf(attributes);
  }

  public static Event local(String type, String action, String actorId, Map<String, String> attrs) {
    return new Event(type, action, actorId, attrs, "local", nowNanos());
  }

  public static long nowNanos() {
    var now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
