package shoal.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shoal.errors.InvalidArgumentException;
import shoal.net.EndpointSpec;
import shoal.net.PortBinding;
import shoal.runtime.container.ContainerConfig;
import shoal.runtime.container.HostSettings;
import shoal.runtime.container.RestartPolicy;

/** Reads the body of {@code POST /containers/create}: Docker's Config, HostConfig and NetworkingConfig. */
final class ContainerRequests {
  /** The three parts of a create request. */
  record Create(ContainerConfig config, HostSettings host, Map<String, EndpointSpec> networks) {}

  private ContainerRequests() {}

  static Create create(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidArgumentException("config cannot be empty in order to create a container");
    }
    ContainerConfig config = new ContainerConfig(
        text(body, "Hostname"),
        text(body, "Domainname"),
        text(body, "User"),
        bool(body, "AttachStdin"),
        bool(body, "AttachStdout"),
        bool(body, "AttachStderr"),
        keys(body.get("ExposedPorts")),
        bool(body, "Tty"),
        bool(body, "OpenStdin"),
        bool(body, "StdinOnce"),
        strings(body.get("Env")),
        strings(body.get("Cmd")),
        text(body, "Image"),
        text(body, "WorkingDir"),
        strings(body.get("Entrypoint")),
        stringMap(body.get("Labels")),
        text(body, "StopSignal"),
        body.hasNonNull("StopTimeout") ? body.get("StopTimeout").asInt() : null);
    JsonNode h = body.path("HostConfig");
    JsonNode rp = h.path("RestartPolicy");
    HostSettings host = new HostSettings(
        text(h, "NetworkMode"),
        portBindings(h.get("PortBindings")),
        bool(h, "PublishAllPorts"),
        new RestartPolicy(text(rp, "Name"), rp.path("MaximumRetryCount").asInt(0)),
        bool(h, "AutoRemove"),
        strings(h.get("Dns")),
        strings(h.get("DnsSearch")),
        strings(h.get("DnsOptions")),
        strings(h.get("ExtraHosts")),
        strings(h.get("CapAdd")),
        strings(h.get("CapDrop")),
        bool(h, "ReadonlyRootfs"),
        consoleSize(h.get("ConsoleSize")));
    if (bool(h, "Privileged")) {
      throw new InvalidArgumentException("privileged containers are not supported by Shoal yet");
    }
    Map<String, EndpointSpec> networks = new LinkedHashMap<>();
    JsonNode eps = body.path("NetworkingConfig").path("EndpointsConfig");
    // Recent CLIs name the default network "default", as in NetworkMode.
    eps.fields().forEachRemaining(e ->
        networks.put(e.getKey().equals("default") ? "bridge" : e.getKey(), endpoint(e.getValue())));
    return new Create(config, host, networks);
  }

  /** {@code [height, width]} of the client's terminal (API 1.42), else none. */
  static List<Integer> consoleSize(JsonNode n) {
    if (n == null || !n.isArray() || n.size() != 2) {
      return List.of(0, 0);
    }
    return List.of(Math.max(0, n.get(0).asInt()), Math.max(0, n.get(1).asInt()));
  }

  static EndpointSpec endpoint(JsonNode n) {
    if (n == null || n.isNull()) {
      return EndpointSpec.defaults();
    }
    String ip = text(n.path("IPAMConfig"), "IPv4Address");
    String mac = text(n, "MacAddress");
    return new EndpointSpec(strings(n.get("Aliases")), ip.isEmpty() ? null : ip, mac.isEmpty() ? null : mac);
  }

  /** {@code {"80/tcp":[{"HostIp":"","HostPort":"8080"}]}}; a port range is refused. */
  static List<PortBinding> portBindings(JsonNode n) {
    List<PortBinding> out = new ArrayList<>();
    if (n == null || !n.isObject()) {
      return out;
    }
    n.fields().forEachRemaining(e -> {
      String[] pp = e.getKey().split("/");
      int port = port(pp[0], e.getKey());
      String proto = pp.length > 1 ? pp[1] : "tcp";
      if (!e.getValue().isArray() || e.getValue().isEmpty()) {
        out.add(new PortBinding(proto, port, "", 0));
        return;
      }
      for (JsonNode b : e.getValue()) {
        String hp = text(b, "HostPort");
        out.add(new PortBinding(proto, port, text(b, "HostIp"), hp.isEmpty() ? 0 : port(hp, hp)));
      }
    });
    return out;
  }

  private static int port(String s, String whole) {
    try {
      int p = Integer.parseInt(s);
      if (p < 0 || p > 65535) {
        throw new NumberFormatException();
      }
      return p;
    } catch (NumberFormatException e) {
      throw new InvalidArgumentException("invalid port specification: \"" + whole + "\"");
    }
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  static boolean bool(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    return v != null && v.asBoolean(false);
  }

  /** A list of strings; a single string counts as a one-element list; null stays null. */
  static List<String> strings(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(x -> out.add(x.asText()));
    } else {
      out.add(n.asText());
    }
    return out;
  }

  private static Set<String> keys(JsonNode n) {
    Set<String> out = new HashSet<>();
    if (n != null && n.isObject()) {
      n.fieldNames().forEachRemaining(k -> out.add(k.contains("/") ? k : k + "/tcp"));
    }
    return out;
  }

  private static Map<String, String> stringMap(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n != null && n.isObject()) {
      n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }
}
