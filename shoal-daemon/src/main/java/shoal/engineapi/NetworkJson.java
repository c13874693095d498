package shoal.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import shoal.errors.InvalidArgumentException;
import shoal.net.Endpoint;
import shoal.net.EndpointSpec;
import shoal.net.Network;
import shoal.net.NetworkCreateRequest;
import shoal.net.Sandbox;

/** Networks in Docker's JSON shape, and Docker's request bodies as values. */
final class NetworkJson {
  private NetworkJson() {}

  /** {@code GET /networks/{id}}; {@code attached} empty for the list, as Docker's list is. */
  static ObjectNode of(ObjectMapper json, Network n, List<Sandbox> attached) {
    ObjectNode o = json.createObjectNode();
    o.put("Name", n.name());
    o.put("Id", n.id());
    o.put("Created", n.created());
    o.put("Scope", "local");
    o.put("Driver", n.driver());
    o.put("EnableIPv6", false);
    ObjectNode ipam = o.putObject("IPAM");
    ipam.put("Driver", "default");
    if (n.predefined()) {
      ipam.putNull("Options");
    } else {
      ipam.set("Options", json.valueToTree(new TreeMap<>(n.ipamOptions())));
    }
    var config = ipam.putArray("Config");
    if (n.subnet() != null) {
      ObjectNode c = config.addObject();
      c.put("Subnet", n.subnet().toString());
      if (n.ipRange() != null) {
        c.put("IPRange", n.ipRange().toString());
      }
      c.put("Gateway", n.gateway().toString());
      if (!n.auxAddresses().isEmpty()) {
        ObjectNode aux = c.putObject("AuxiliaryAddresses");
        new TreeMap<>(n.auxAddresses()).forEach((k, v) -> aux.put(k, v.toString()));
      }
    }
    o.put("Internal", n.internal());
    o.put("Attachable", n.attachable());
    o.put("Ingress", false);
    o.putObject("ConfigFrom").put("Network", "");
    o.put("ConfigOnly", false);
    ObjectNode containers = o.putObject("Containers");
    for (Sandbox b : attached) {
      Endpoint e = b.endpointOn(n.id()).orElseThrow();
      ObjectNode c = containers.putObject(b.containerId());
      c.put("Name", b.containerName());
      c.put("EndpointID", e.endpointId());
      c.put("MacAddress", e.mac());
      c.put("IPv4Address", e.ipv4() == null ? "" : n.subnet().withPrefix(e.ipv4()));
      c.put("IPv6Address", "");
    }
    o.set("Options", json.valueToTree(new TreeMap<>(n.options())));
    o.set("Labels", json.valueToTree(new TreeMap<>(n.labels())));
    return o;
  }

  static NetworkCreateRequest createRequest(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidArgumentException("network create needs a JSON object body with at least a Name");
    }
    JsonNode ipam = body.path("IPAM");
    List<NetworkCreateRequest.IpamConfig> configs = new ArrayList<>();
    for (JsonNode c : ipam.path("Config")) {
      configs.add(new NetworkCreateRequest.IpamConfig(
          text(c, "Subnet"), text(c, "IPRange"), text(c, "Gateway"), strings(c.path("AuxiliaryAddresses"))));
    }
    JsonNode configFrom = body.path("ConfigFrom");
    return new NetworkCreateRequest(
        text(body, "Name"),
        text(body, "Driver"),
        body.path("Internal").asBoolean(false),
        body.path("Attachable").asBoolean(false),
        body.path("Ingress").asBoolean(false),
        body.path("EnableIPv6").asBoolean(false),
        body.path("ConfigOnly").asBoolean(false),
        configFrom.isObject() ? text(configFrom, "Network") : "",
        text(body, "Scope"),
        text(ipam, "Driver"),
        configs,
        strings(ipam.path("Options")),
        strings(body.path("Options")),
        strings(body.path("Labels")));
  }

  /** {@code EndpointConfig} of a connect request. */
  static EndpointSpec endpointSpec(JsonNode config) {
    if (config == null || !config.isObject()) {
      return EndpointSpec.defaults();
    }
    List<String> aliases = new ArrayList<>();
    config.path("Aliases").forEach(a -> aliases.add(a.asText()));
    String ip = text(config.path("IPAMConfig"), "IPv4Address");
    String mac = text(config, "MacAddress");
    return new EndpointSpec(aliases, ip.isEmpty() ? null : ip, mac.isEmpty() ? null : mac);
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? "" : v.asText();
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
    }
    return out;
  }
}
