package shoal.cli.commands.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import shoal.cli.api.EngineClient;
import shoal.cli.json.Jv;

/**
 * Applies {@code service update}'s flags to the current spec as docker does: only the given flags
 * change it, lists are edited (added, removed, sorted where docker sorts them), and a restart,
 * update or rollback policy the service lacks starts from swarmkit's defaults.
 */
final class UpdateSpec {
  private UpdateSpec() {}

  /** Edits {@code spec} (the daemon's ServiceSpec, as parsed JSON) in place. */
  static void apply(Map<String, Object> spec, ServiceFlags f, UpdateFlags u, Map<String, String> localEnv, EngineClient api) {
    Map<String, Object> task = section(spec, "TaskTemplate");
    Map<String, Object> c = section(task, "ContainerSpec");
    editMap(spec, "Labels", u.labelAdd, u.labelRm);
    editMap(c, "Labels", u.containerLabelAdd, u.containerLabelRm);
    set(c, "Image", u.image);
    if (u.args != null) {
      putList(c, "Args", ShellWords.split(u.args));
    }
    if (f.entrypoint != null) {
      putList(c, "Command", ShellWords.split(f.entrypoint));
    }
    if (!u.envAdd.isEmpty() || !u.envRm.isEmpty()) {
      List<String> current = Jv.list(c, "Env").stream().map(Object::toString).toList();
      putList(c, "Env", Env.merge(current, u.envAdd, localEnv, new HashSet<>(u.envRm)));
    }
    set(c, "Dir", f.workdir);
    set(c, "User", f.user);
    set(c, "Hostname", f.hostname);
    if (f.init != null) {
      c.put("Init", f.init);
    }
    if (f.stopGracePeriod != null) {
      c.put("StopGracePeriod", f.stopGracePeriod.toNanos());
    }
    if (f.anyRestartFlag()) {
      Map<String, Object> policy = task.get("RestartPolicy") instanceof Map<?, ?> ? section(task, "RestartPolicy") : ServiceFlags.defaultRestartPolicy();
      f.applyRestart(policy);
      task.put("RestartPolicy", policy);
    }
    if (!u.constraintAdd.isEmpty() || !u.constraintRm.isEmpty()) {
      constraints(section(task, "Placement"), u.constraintAdd, u.constraintRm);
    }
    if (!u.placementPrefAdd.isEmpty() || !u.placementPrefRm.isEmpty()) {
      preferences(section(task, "Placement"), u.placementPrefAdd, u.placementPrefRm);
    }
    if (!u.networkAdd.isEmpty() || !u.networkRm.isEmpty()) {
      networks(spec, task, u.networkAdd, u.networkRm, api);
    }
    if (f.replicas != null) {
      if (!(Jv.get(spec, "Mode", "Replicated") instanceof Map<?, ?>)) {
        throw new IllegalArgumentException("replicas can only be used with replicated mode");
      }
      section(section(spec, "Mode"), "Replicated").put("Replicas", f.replicas);
    }
    if (f.anyUpdateFlag()) {
      f.applyUpdate(spec.get("UpdateConfig") instanceof Map<?, ?> ? section(spec, "UpdateConfig") : put(spec, "UpdateConfig", ServiceFlags.defaultUpdateConfig()));
    }
    if (f.anyRollbackFlag()) {
      f.applyRollback(spec.get("RollbackConfig") instanceof Map<?, ?> ? section(spec, "RollbackConfig") : put(spec, "RollbackConfig", ServiceFlags.defaultUpdateConfig()));
    }
    if (f.endpointMode != null) {
      section(spec, "EndpointSpec").put("Mode", f.endpointMode);
    }
    if (!u.publishAdd.isEmpty() || !u.publishRm.isEmpty()) {
      ports(section(spec, "EndpointSpec"), u.publishAdd, u.publishRm);
    }
    if (u.force) {
      task.put("ForceUpdate", Jv.lng(task, "ForceUpdate") + 1);
    }
    if (f.tty != null) {
      c.put("TTY", f.tty);
    }
    if (f.readOnly != null) {
      c.put("ReadOnly", f.readOnly);
    }
    set(c, "StopSignal", f.stopSignal);
  }

  /** Removes then adds {@code key=value} entries; a map the service did not have is made for additions only. */
  private static void editMap(Map<String, Object> holder, String key, List<String> add, List<String> rm) {
    if (add.isEmpty() && rm.isEmpty()) {
      return;
    }
    Map<String, Object> current = holder.get(key) instanceof Map<?, ?> ? section(holder, key) : null;
    if (current == null && add.isEmpty()) {
      return;
    }
    Map<String, Object> m = current == null ? new TreeMap<>() : new TreeMap<>(current);
    rm.forEach(m::remove);
    m.putAll(CreateSpec.Labels.toMap(add));
    holder.put(key, m);
  }

  private static void constraints(Map<String, Object> placement, List<String> add, List<String> rm) {
    List<String> all = new ArrayList<>(Jv.list(placement, "Constraints").stream().map(Object::toString).toList());
    all.addAll(add);
    List<String> kept = new ArrayList<>(all.stream().filter(x -> !rm.contains(x)).toList());
    kept.sort(null);
    putList(placement, "Constraints", kept);
  }

  private static void preferences(Map<String, Object> placement, List<String> add, List<String> rm) {
    Set<String> removed = new HashSet<>();
    rm.forEach(r -> removed.add(Jv.str(CreateSpec.spread(r), "Spread", "SpreadDescriptor")));
    List<Object> prefs = new ArrayList<>(Jv.list(placement, "Preferences").stream()
        .filter(p -> !removed.contains(Jv.str(p, "Spread", "SpreadDescriptor"))).toList());
    add.forEach(a -> prefs.add(CreateSpec.spread(a)));
    putList(placement, "Preferences", prefs);
  }

  private static void networks(Map<String, Object> spec, Map<String, Object> task, List<NetworkAttachment> add, List<String> rm,
      EngineClient api) {
    // the deprecated top-level Networks move into the task template, where docker keeps them
    List<Object> current = Jv.list(task, "Networks").isEmpty() ? Jv.list(spec, "Networks") : Jv.list(task, "Networks");
    spec.remove("Networks");
    Set<String> removeIds = new HashSet<>();
    for (String ref : new LinkedHashSet<>(rm)) {
      removeIds.add(CreateSpec.networkId(api, ref));
    }
    List<Map<String, Object>> kept = new ArrayList<>();
    Set<String> attached = new HashSet<>();
    for (Object n : current) {
      if (!removeIds.contains(Jv.str(n, "Target"))) {
        kept.add(Jv.map(n));
        attached.add(Jv.str(n, "Target"));
      }
    }
    for (NetworkAttachment n : add) {
      String id = CreateSpec.networkId(api, n.target());
      if (!attached.add(id)) {
        throw new IllegalArgumentException("service is already attached to network " + n.target());
      }
      kept.add(n.toSpec(id));
    }
    kept.sort(Comparator.comparing(n -> Jv.str(n, "Target")));
    putList(task, "Networks", kept);
  }

  /** Ports are told apart by {@code published:target/protocol/mode}; removal matches the target, protocol and mode. */
  private static void ports(Map<String, Object> endpoint, List<Publish> add, List<Publish> rm) {
    Map<String, Object> byKey = new LinkedHashMap<>();
    for (Object p : Jv.list(endpoint, "Ports")) {
      byKey.putIfAbsent(key(p), p);
    }
    List<Object> ports = new ArrayList<>();
    for (Object p : byKey.values()) {
      boolean removed = rm.stream().flatMap(x -> x.ports().stream()).anyMatch(r -> sameProtocol(p, r)
          && Jv.lng(p, "TargetPort") == Jv.lng(r, "TargetPort") && sameMode(p, r));
      if (!removed) {
        ports.add(p);
      }
    }
    add.stream().flatMap(x -> x.ports().stream()).filter(p -> !byKey.containsKey(key(p))).forEach(ports::add);
    ports.sort(Comparator.comparing(UpdateSpec::key));
    putList(endpoint, "Ports", ports);
  }

  private static String key(Object p) {
    return Jv.lng(p, "PublishedPort") + ":" + Jv.lng(p, "TargetPort") + "/" + Jv.str(p, "Protocol") + "/" + Jv.str(p, "PublishMode");
  }

  private static boolean sameProtocol(Object a, Object b) {
    String x = Jv.str(a, "Protocol").isEmpty() ? "tcp" : Jv.str(a, "Protocol");
    String y = Jv.str(b, "Protocol").isEmpty() ? "tcp" : Jv.str(b, "Protocol");
    return x.equals(y);
  }

  private static boolean sameMode(Object a, Object b) {
    String x = Jv.str(a, "PublishMode").isEmpty() ? "ingress" : Jv.str(a, "PublishMode");
    String y = Jv.str(b, "PublishMode").isEmpty() ? "ingress" : Jv.str(b, "PublishMode");
    return x.equals(y);
  }

  private static void set(Map<String, Object> m, String key, String value) {
    if (value != null) {
      if (value.isEmpty()) {
        m.remove(key);
      } else {
        m.put(key, value);
      }
    }
  }

  /** An empty list is left out, as Go leaves out an empty slice. */
  private static void putList(Map<String, Object> m, String key, List<?> values) {
    if (values.isEmpty()) {
      m.remove(key);
    } else {
      m.put(key, values);
    }
  }

  private static Map<String, Object> put(Map<String, Object> m, String key, Map<String, Object> value) {
    m.put(key, value);
    return value;
  }

  /** The map at {@code key}, made (empty) if absent. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> section(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v instanceof Map<?, ?> existing) {
      return (Map<String, Object>) existing;
    }
    Map<String, Object> fresh = new LinkedHashMap<>();
    m.put(key, fresh);
    return fresh;
  }
}
