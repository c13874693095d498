package shoal.engineapi;

import java.util.LinkedHashMap;
import java.util.Map;
import shoal.events.Event;

/** An event as {@code GET /events} streams it (with the legacy status/id/from fields). */
final class EventJson {
  private EventJson() {}

  static Map<String, Object> of(Event e) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (e.type().equals("container") || e.type().equals("image")) {
      m.put("status", e.action());
      m.put("id", e.actorId());
      String from = e.attributes().get("image");
      if (from != null) {
        m.put("from", from);
      }
    }
    m.put("Type", e.type());
    m.put("Action", e.action());
    m.put("Actor", Map.of("ID", e.actorId(), "Attributes", e.attributes()));
    m.put("scope", e.scope());
    m.put("time", e.timeNano() / 1_000_000_000L);
    m.put("timeNano", e.timeNano());
    return m;
  }
}
