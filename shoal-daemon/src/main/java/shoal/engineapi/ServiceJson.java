package shoal.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import shoal.errors.InvalidArgumentException;
import shoal.manager.store.objects.ContainerSpec;
import shoal.manager.store.objects.EndpointSpec;
import shoal.manager.store.objects.Placement;
import shoal.manager.store.objects.RestartPolicy;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.ServiceSpec;
import shoal.manager.store.objects.TaskTemplate;
import shoal.manager.store.objects.UpdateConfig;
import shoal.swarm.ServiceStatus;

/**
 * Services in Docker's JSON shape (Engine API 1.41), and the spec of {@code services/create} and
 * {@code services/{id}/update} as a value. Durations are nanoseconds; enums lower case with
 * dashes ({@code on-failure}, {@code stop-first}). Every setting is shown with its value, the
 * defaults included (the store keeps values, not whether they were given).
 */
final class ServiceJson {
  private ServiceJson() {}

  static ObjectNode of(ObjectMapper json, ServiceObject s, ServiceStatus status) {
    ObjectNode o = json.createObjectNode();
    o.put("ID", s.id());
    SwarmJson.meta(o, s.meta());
    o.set("Spec", spec(json, s.spec()));
    if (s.previousSpec() != null) {
      o.set("PreviousSpec", spec(json, s.previousSpec()));
    }
    ObjectNode endpoint = o.putObject("Endpoint");
    endpoint.set("Spec", endpointSpec(json, s.endpoint().spec()));
    if (!s.endpoint().ports().isEmpty()) {
      endpoint.set("Ports", ports(json, s.endpoint().ports()));
    }
    if (!s.endpoint().virtualIps().isEmpty()) {
      ArrayNode vips = endpoint.putArray("VirtualIPs");
      s.endpoint().virtualIps().forEach(v -> vips.addObject().put("NetworkID", v.networkId()).put("Addr", v.addr()));
    }
    ServiceObject.UpdateStatus u = s.updateStatus();
    if (u != null) {
      // Docker's update states keep their underscores (rollback_started), unlike other enums.
      ObjectNode us = o.putObject("UpdateStatus").put("State", u.state().name().toLowerCase(Locale.ROOT));
      if (u.startedAt() != null) {
        us.put("StartedAt", ContainerJson.time(u.startedAt()));
      }
      if (u.completedAt() != null) {
        us.put("CompletedAt", ContainerJson.time(u.completedAt()));
      }
      us.put("Message", u.message());
    }
    if (status != null) {
      o.putObject("ServiceStatus").put("RunningTasks", status.running()).put("DesiredTasks", status.desired())
          .put("CompletedTasks", status.completed());
    }
    return o;
  }

  static ObjectNode spec(ObjectMapper json, ServiceSpec s) {
    ObjectNode o = json.createObjectNode();
    o.put("Name", s.name());
    o.set("Labels", json.valueToTree(new TreeMap<>(s.labels())));
    o.set("TaskTemplate", taskTemplate(json, s.taskTemplate()));
    ObjectNode mode = o.putObject("Mode");
    if (s.mode().isGlobal()) {
      mode.putObject("Global");
    } else {
      mode.putObject("Replicated").put("Replicas", s.mode().replicas());
    }
    o.set("UpdateConfig", updateConfig(json, s.updateConfig()));
    o.set("RollbackConfig", updateConfig(json, s.rollbackConfig()));
    o.set("EndpointSpec", endpointSpec(json, s.endpointSpec()));
    return o;
  }

  static ObjectNode taskTemplate(ObjectMapper json, TaskTemplate t) {
    ObjectNode o = json.createObjectNode();
    ContainerSpec c = t.containerSpec();
    ObjectNode cs = o.putObject("ContainerSpec").put("Image", c.image());
    if (!c.labels().isEmpty()) {
      cs.set("Labels", json.valueToTree(new TreeMap<>(c.labels())));
    }
    strings(cs, "Command", c.command());
    strings(cs, "Args", c.args());
    putIfSet(cs, "Hostname", c.hostname());
    strings(cs, "Env", c.env());
    putIfSet(cs, "Dir", c.dir());
    putIfSet(cs, "User", c.user());
    if (c.tty()) {
      cs.put("TTY", true);
    }
    if (c.openStdin()) {
      cs.put("OpenStdin", true);
    }
    putIfSet(cs, "StopSignal", c.stopSignal());
    if (c.stopGracePeriod() != null) {
      cs.put("StopGracePeriod", c.stopGracePeriod().toNanos());
    }
    cs.put("Isolation", "default");
    o.putObject("Resources").putObject("Limits");
    ((ObjectNode) o.get("Resources")).putObject("Reservations");
    RestartPolicy r = t.restartPolicy();
    o.putObject("RestartPolicy").put("Condition", word(r.condition())).put("Delay", r.delay().toNanos())
        .put("MaxAttempts", r.maxAttempts()).put("Window", r.window().toNanos());
    ObjectNode placement = o.putObject("Placement");
    strings(placement, "Constraints", t.placement().constraints());
    if (t.placement().maxReplicas() > 0) {
      placement.put("MaxReplicas", t.placement().maxReplicas());
    }
    if (!t.networks().isEmpty()) {
      ArrayNode nets = o.putArray("Networks");
      for (TaskTemplate.NetworkAttachmentConfig n : t.networks()) {
        ObjectNode no = nets.addObject().put("Target", n.target());
        strings(no, "Aliases", n.aliases());
        if (!n.driverOpts().isEmpty()) {
          no.set("DriverOpts", json.valueToTree(new TreeMap<>(n.driverOpts())));
        }
      }
    }
    o.put("ForceUpdate", t.forceUpdate());
    o.put("Runtime", "container");
    return o;
  }

  private static ObjectNode updateConfig(ObjectMapper json, UpdateConfig u) {
    ObjectNode o = json.createObjectNode().put("Parallelism", u.parallelism());
    if (!u.delay().isZero()) {
      o.put("Delay", u.delay().toNanos()); // omitempty in Docker's UpdateConfig
    }
    // Go writes a float32 in its shortest form: 0, 0.25 (not 0.0)
    return o.put("FailureAction", word(u.failureAction())).put("Monitor", u.monitor().toNanos())
        .put("MaxFailureRatio", new java.math.BigDecimal(
            new java.math.BigDecimal(Float.toString((float) u.maxFailureRatio())).stripTrailingZeros().toPlainString()))
        .put("Order", word(u.order()));
  }

  private static ObjectNode endpointSpec(ObjectMapper json, EndpointSpec e) {
    ObjectNode o = json.createObjectNode().put("Mode", word(e.mode()));
    if (!e.ports().isEmpty()) {
      o.set("Ports", ports(json, e.ports()));
    }
    return o;
  }

  private static ArrayNode ports(ObjectMapper json, List<EndpointSpec.PortConfig> ports) {
    ArrayNode a = json.createArrayNode();
    for (EndpointSpec.PortConfig p : ports) {
      ObjectNode po = a.addObject();
      putIfSet(po, "Name", p.name());
      po.put("Protocol", word(p.protocol())).put("TargetPort", p.targetPort());
      if (p.publishedPort() > 0) {
        po.put("PublishedPort", p.publishedPort());
      }
      po.put("PublishMode", word(p.publishMode()));
    }
    return a;
  }

  private static void strings(ObjectNode o, String field, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode a = o.putArray(field);
      values.forEach(a::add);
    }
  }

  private static void putIfSet(ObjectNode o, String field, String value) {
    if (!value.isEmpty()) {
      o.put(field, value);
    }
  }

  /** Docker's word for an enum constant: lower case, dashes for underscores. */
  static String word(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  // ------------------------------------------------------------------ parsing

  /** The spec in a create or update body. */
  static ServiceSpec specOf(JsonNode b) {
    if (b == null || !b.isObject()) {
      throw new InvalidArgumentException("a service spec is required");
    }
    JsonNode tt = b.path("TaskTemplate");
    JsonNode c = tt.path("ContainerSpec");
    ContainerSpec container = new ContainerSpec(c.path("Image").asText(""), stringMap(c.path("Labels")),
        strings(c.path("Command")), strings(c.path("Args")), c.path("Hostname").asText(""), strings(c.path("Env")),
        c.path("Dir").asText(""), c.path("User").asText(""), c.path("TTY").asBoolean(false),
        c.path("OpenStdin").asBoolean(false), c.path("StopSignal").asText(""),
        c.has("StopGracePeriod") && !c.get("StopGracePeriod").isNull() ? nanos(c.get("StopGracePeriod"), "StopGracePeriod") : null);
    TaskTemplate template = new TaskTemplate(container, restartPolicy(tt.path("RestartPolicy")),
        placement(tt.path("Placement")), networks(tt.path("Networks").isArray() ? tt.path("Networks") : b.path("Networks")),
        tt.path("ForceUpdate").asLong(0));
    return new ServiceSpec(b.path("Name").asText(""), stringMap(b.path("Labels")), template, mode(b.path("Mode")),
        updateConfig(b.path("UpdateConfig"), "update"), updateConfig(b.path("RollbackConfig"), "rollback"),
        endpoint(b.path("EndpointSpec")));
  }

  private static ServiceSpec.Mode mode(JsonNode m) {
    boolean replicated = m.has("Replicated");
    boolean global = m.has("Global");
    if (m.has("ReplicatedJob") || m.has("GlobalJob")) {
      throw new InvalidArgumentException("job services (replicated-job, global-job) are not supported");
    }
    if (replicated && global) {
      throw new InvalidArgumentException("cannot specify both replicated mode and global mode");
    }
    if (global) {
      return ServiceSpec.Mode.global();
    }
    JsonNode replicas = m.path("Replicated").path("Replicas");
    if (replicas.isMissingNode() || replicas.isNull()) {
      return ServiceSpec.Mode.replicated(1);
    }
    if (!replicas.canConvertToLong() || replicas.asLong() < 0) {
      throw new InvalidArgumentException("invalid replicas value: " + replicas);
    }
    return ServiceSpec.Mode.replicated(replicas.asLong());
  }

  private static RestartPolicy restartPolicy(JsonNode r) {
    RestartPolicy d = RestartPolicy.defaults();
    if (!r.isObject()) {
      return d;
    }
    return new RestartPolicy(
        r.has("Condition") ? constant(RestartPolicy.Condition.class, r.get("Condition").asText(), "RestartCondition") : null,
        r.has("Delay") ? nanos(r.get("Delay"), "restart delay") : null,
        r.path("MaxAttempts").asLong(0), r.has("Window") ? nanos(r.get("Window"), "restart window") : null);
  }

  private static Placement placement(JsonNode p) {
    long max = p.path("MaxReplicas").asLong(0);
    if (max < 0) {
      throw new InvalidArgumentException("invalid MaxReplicas: " + max);
    }
    return new Placement(strings(p.path("Constraints")), max);
  }

  private static List<TaskTemplate.NetworkAttachmentConfig> networks(JsonNode a) {
    List<TaskTemplate.NetworkAttachmentConfig> out = new ArrayList<>();
    for (JsonNode n : a) {
      out.add(new TaskTemplate.NetworkAttachmentConfig(n.path("Target").asText(""), strings(n.path("Aliases")),
          stringMap(n.path("DriverOpts"))));
    }
    return out;
  }

  private static UpdateConfig updateConfig(JsonNode u, String what) {
    if (!u.isObject()) {
      return UpdateConfig.defaults();
    }
    long parallelism = u.has("Parallelism") ? u.get("Parallelism").asLong(1) : 1;
    double ratio = u.path("MaxFailureRatio").asDouble(0);
    if (parallelism < 0 || ratio < 0 || ratio > 1) {
      throw new InvalidArgumentException("invalid " + what + " config: parallelism must not be negative, MaxFailureRatio 0..1");
    }
    String action = u.path("FailureAction").asText("");
    String order = u.path("Order").asText("");
    return new UpdateConfig(parallelism, u.has("Delay") ? nanos(u.get("Delay"), what + " delay") : null,
        action.isEmpty() ? null : constant(UpdateConfig.FailureAction.class, action, what + " FailureAction"),
        u.has("Monitor") && u.get("Monitor").asLong(0) > 0 ? nanos(u.get("Monitor"), what + " monitor") : null,
        ratio, order.isEmpty() ? null : constant(UpdateConfig.Order.class, order, what + " Order"));
  }

  private static EndpointSpec endpoint(JsonNode e) {
    if (!e.isObject()) {
      return EndpointSpec.defaults();
    }
    String mode = e.path("Mode").asText("");
    List<EndpointSpec.PortConfig> ports = new ArrayList<>();
    for (JsonNode p : e.path("Ports")) {
      String protocol = p.path("Protocol").asText("");
      String publish = p.path("PublishMode").asText("");
      ports.add(new EndpointSpec.PortConfig(p.path("Name").asText(""),
          protocol.isEmpty() ? null : constant(EndpointSpec.Protocol.class, protocol, "Protocol"),
          p.path("TargetPort").asInt(0), p.path("PublishedPort").asInt(0),
          publish.isEmpty() ? null : constant(EndpointSpec.PublishMode.class, publish, "PublishMode")));
    }
    return new EndpointSpec(mode.isEmpty() ? null : constant(EndpointSpec.Mode.class, mode, "ResolutionMode"), ports);
  }

  /** The constant Docker's word names, or a 400 in Docker's words ("invalid RestartCondition: …"). */
  static <E extends Enum<E>> E constant(Class<E> type, String word, String what) {
    for (E e : type.getEnumConstants()) {
      if (word(e).equals(word)) {
        return e;
      }
    }
    throw new InvalidArgumentException("invalid " + what + ": \"" + word + "\"");
  }

  private static Duration nanos(JsonNode n, String what) {
    if (!n.canConvertToLong() || n.asLong() < 0) {
      throw new InvalidArgumentException("invalid " + what + ": " + n);
    }
    return Duration.ofNanos(n.asLong());
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    if (a.isArray()) {
      a.forEach(v -> out.add(v.asText()));
    }
    return out;
  }

  private static Map<String, String> stringMap(JsonNode o) {
    Map<String, String> out = new TreeMap<>();
    if (o.isObject()) {
      o.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }
}
