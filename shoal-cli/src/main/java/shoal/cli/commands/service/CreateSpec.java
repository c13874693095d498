package shoal.cli.commands.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import shoal.cli.api.EngineClient;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.json.Jv;

/**
 * The ServiceSpec {@code service create} sends, built as docker builds it: fields in the order of
 * Go's structs, the empty ones left out where Go leaves them out, swarmkit's defaults filled in
 * for a restart, update or rollback policy that is given only in part.
 */
final class CreateSpec {
  private CreateSpec() {}

  /** What only {@code create} takes, besides {@link ServiceFlags}. */
  record Request(String name, String mode, List<String> labels, List<String> containerLabels, List<String> env,
      List<String> constraints, List<String> placementPrefs, List<NetworkAttachment> networks, List<Publish> publish,
      String image, List<String> args) {}

  /**
   * @param localEnv where {@code -e NAME} takes the value of NAME
   * @throws IllegalArgumentException with docker's words for a contradiction between flags
   */
  static Map<String, Object> build(Request r, ServiceFlags f, Map<String, String> localEnv, EngineClient api) {
    Map<String, Object> mode = mode(r.mode(), f.replicas);
    Map<String, Object> spec = new LinkedHashMap<>();
    if (r.name() != null && !r.name().isEmpty()) {
      spec.put("Name", r.name());
    }
    spec.put("Labels", Labels.toMap(r.labels()));
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("ContainerSpec", containerSpec(r, f, localEnv));
    Map<String, Object> resources = new LinkedHashMap<>();
    resources.put("Limits", new LinkedHashMap<>());
    resources.put("Reservations", new LinkedHashMap<>());
    task.put("Resources", resources);
    if (f.anyRestartFlag()) {
      Map<String, Object> policy = ServiceFlags.defaultRestartPolicy();
      f.applyRestart(policy);
      task.put("RestartPolicy", policy);
    }
    task.put("Placement", placement(r.constraints(), r.placementPrefs()));
    List<Map<String, Object>> networks = networks(r.networks(), api);
    if (!networks.isEmpty()) {
      task.put("Networks", networks);
    }
    task.put("ForceUpdate", 0L);
    spec.put("TaskTemplate", task);
    spec.put("Mode", mode);
    if (f.anyUpdateFlag()) {
      Map<String, Object> c = ServiceFlags.defaultUpdateConfig();
      f.applyUpdate(c);
      spec.put("UpdateConfig", c);
    }
    if (f.anyRollbackFlag()) {
      Map<String, Object> c = ServiceFlags.defaultUpdateConfig();
      f.applyRollback(c);
      spec.put("RollbackConfig", c);
    }
    Map<String, Object> endpoint = new LinkedHashMap<>();
    String endpointMode = f.endpointMode == null ? "vip" : f.endpointMode.toLowerCase(Locale.ROOT);
    if (!endpointMode.isEmpty()) {
      endpoint.put("Mode", endpointMode);
    }
    List<Map<String, Object>> ports = new ArrayList<>();
    r.publish().forEach(p -> ports.addAll(p.ports()));
    if (!ports.isEmpty()) {
      endpoint.put("Ports", ports);
    }
    spec.put("EndpointSpec", endpoint);
    return spec;
  }

  private static Map<String, Object> mode(String mode, Long replicas) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (mode) {
      case "global" -> {
        if (replicas != null) {
          throw new IllegalArgumentException("replicas can only be used with replicated or replicated-job mode");
        }
        m.put("Global", new LinkedHashMap<>());
      }
      case "replicated" -> {
        Map<String, Object> replicated = new LinkedHashMap<>();
        if (replicas != null) {
          replicated.put("Replicas", replicas);
        }
        m.put("Replicated", replicated);
      }
      default -> throw new IllegalArgumentException("Unknown mode: " + mode + ", only replicated and global supported");
    }
    return m;
  }

  private static Map<String, Object> containerSpec(Request r, ServiceFlags f, Map<String, String> localEnv) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("Image", r.image());
    Map<String, String> labels = Labels.toMap(r.containerLabels());
    if (!labels.isEmpty()) {
      c.put("Labels", labels);
    }
    List<String> command = f.entrypoint == null ? List.of() : ShellWords.split(f.entrypoint);
    if (!command.isEmpty()) {
      c.put("Command", command);
    }
    if (!r.args().isEmpty()) {
      c.put("Args", r.args());
    }
    putText(c, "Hostname", f.hostname);
    List<String> env = Env.merge(List.of(), r.env(), localEnv);
    if (!env.isEmpty()) {
      c.put("Env", env);
    }
    putText(c, "Dir", f.workdir);
    putText(c, "User", f.user);
    c.put("Init", Boolean.TRUE.equals(f.init));
    putText(c, "StopSignal", f.stopSignal);
    if (Boolean.TRUE.equals(f.tty)) {
      c.put("TTY", true);
    }
    if (Boolean.TRUE.equals(f.readOnly)) {
      c.put("ReadOnly", true);
    }
    if (f.stopGracePeriod != null) {
      c.put("StopGracePeriod", f.stopGracePeriod.toNanos());
    }
    c.put("DNSConfig", new LinkedHashMap<>());
    return c;
  }

  private static void putText(Map<String, Object> m, String key, String value) {
    if (value != null && !value.isEmpty()) {
      m.put(key, value);
    }
  }

  static Map<String, Object> placement(List<String> constraints, List<String> prefs) {
    Map<String, Object> p = new LinkedHashMap<>();
    if (!constraints.isEmpty()) {
      p.put("Constraints", constraints);
    }
    if (!prefs.isEmpty()) {
      p.put("Preferences", prefs.stream().map(CreateSpec::spread).toList());
    }
    return p;
  }

  /** {@code spread=node.labels.zone}: the only placement preference swarm knows. */
  static Map<String, Object> spread(String pref) {
    String[] f = pref.split("=", -1);
    if (f.length != 2) {
      throw new IllegalArgumentException("placement preference must be of the format \"<strategy>=<arg>\"");
    }
    if (!f[0].equals("spread")) {
      throw new IllegalArgumentException("unsupported placement preference " + f[0] + " (only spread is supported)");
    }
    return Map.of("Spread", Map.of("SpreadDescriptor", f[1]));
  }

  /** The attachments with each network resolved to its ID (the daemon's error if it has none), sorted by ID. */
  static List<Map<String, Object>> networks(List<NetworkAttachment> given, EngineClient api) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (NetworkAttachment n : given) {
      out.add(n.toSpec(networkId(api, n.target())));
    }
    out.sort(Comparator.comparing(n -> Jv.str(n, "Target")));
    return out;
  }

  static String networkId(EngineClient api, String ref) {
    return Jv.str(api.get("/networks/" + Paths.seg(ref), Query.of().add("scope", "swarm")), "Id");
  }

  /** {@code key=value} labels as a map sorted by key, as Go writes maps. */
  static final class Labels {
    private Labels() {}

    static Map<String, String> toMap(List<String> raws) {
      Map<String, String> m = new TreeMap<>();
      for (String raw : raws) {
        int eq = raw.indexOf('=');
        m.put(eq >= 0 ? raw.substring(0, eq) : raw, eq >= 0 ? raw.substring(eq + 1) : "");
      }
      return m;
    }
  }
}
