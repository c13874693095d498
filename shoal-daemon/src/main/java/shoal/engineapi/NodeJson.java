package shoal.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import shoal.errors.InvalidArgumentException;
import shoal.manager.store.objects.NodeObject;
import shoal.swarm.NodeNames;

/** Nodes in Docker's JSON shape (Engine API 1.41), and the node update body as a value. */
final class NodeJson {
  /** The plugins every Shoal engine offers, as node inspect lists them. */
  private static final String[][] PLUGINS = {
      {"Log", "json-file"}, {"Network", "bridge"}, {"Network", "host"}, {"Network", "null"},
      {"Network", "overlay"}, {"Volume", "local"}};

  private NodeJson() {}

  /** @param trustRoot the swarm's root CA (PEM), which every node trusts */
  static ObjectNode of(ObjectMapper json, NodeObject n, String trustRoot) {
    ObjectNode o = json.createObjectNode();
    o.put("ID", n.id());
    SwarmJson.meta(o, n.meta());
    ObjectNode spec = o.putObject("Spec");
    if (!n.spec().name().isEmpty()) {
      spec.put("Name", n.spec().name());
    }
    spec.set("Labels", json.valueToTree(new TreeMap<>(n.spec().labels())));
    spec.put("Role", NodeNames.word(n.spec().desiredRole()));
    spec.put("Availability", NodeNames.word(n.spec().availability()));
    ObjectNode d = o.putObject("Description");
    NodeObject.Description desc = n.description();
    d.put("Hostname", desc.hostname());
    d.putObject("Platform").put("Architecture", desc.platform().architecture()).put("OS", desc.platform().os());
    d.putObject("Resources").put("NanoCPUs", desc.resources().nanoCpus()).put("MemoryBytes", desc.resources().memoryBytes());
    ObjectNode engine = d.putObject("Engine");
    engine.put("EngineVersion", desc.engineVersion());
    engine.putObject("Labels");
    ArrayNode plugins = engine.putArray("Plugins");
    for (String[] p : PLUGINS) {
      plugins.addObject().put("Type", p[0]).put("Name", p[1]);
    }
    if (trustRoot != null) {
      d.set("TLSInfo", SwarmJson.tlsInfo(json, trustRoot));
    }
    o.putObject("Status")
        .put("State", NodeNames.word(n.status().state()))
        .put("Message", n.status().message())
        .put("Addr", n.status().addr());
    NodeObject.ManagerStatus m = n.managerStatus();
    if (m != null) {
      ObjectNode ms = o.putObject("ManagerStatus");
      if (m.leader()) {
        ms.put("Leader", true);
      }
      ms.put("Reachability", NodeNames.word(m.reachability()));
      ms.put("Addr", m.addr());
    }
    return o;
  }

  /** The body of {@code POST /nodes/{id}/update}: Docker requires a role and an availability. */
  static NodeObject.Spec specOf(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidArgumentException("a node spec is required");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    body.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    String role = body.path("Role").asText("");
    String availability = body.path("Availability").asText("");
    if (!role.equals("manager") && !role.equals("worker")) {
      throw new InvalidArgumentException("invalid Role: \"" + role + "\"");
    }
    if (!availability.equals("active") && !availability.equals("pause") && !availability.equals("drain")) {
      throw new InvalidArgumentException("invalid Availability: \"" + availability + "\"");
    }
    return new NodeObject.Spec(body.path("Name").asText(""), labels, NodeNames.parseRole(role),
        NodeNames.parseAvailability(availability));
  }
}
