package shoal.cli.commands.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import shoal.cli.format.Ages;
import shoal.cli.format.Units;
import shoal.cli.json.Jv;

/**
 * {@code service inspect --pretty}: docker's human layout of a service, its tabs kept as tabs
 * (docker writes this format without a tabwriter). Network IDs are shown by name.
 */
final class ServicePretty {
  private ServicePretty() {}

  /** One service's text, starting and ending with an empty line as docker's does. */
  static String render(Object s, Function<String, String> networkName, Instant now) {
    Object spec = Jv.get(s, "Spec");
    Object task = Jv.get(spec, "TaskTemplate");
    Object container = Jv.get(task, "ContainerSpec");
    StringBuilder sb = new StringBuilder("\nID:\t\t").append(Jv.str(s, "ID"));
    sb.append("\nName:\t\t").append(Jv.str(spec, "Name"));
    Map<String, Object> labels = Jv.map(spec, "Labels");
    if (!labels.isEmpty()) {
      sb.append("\nLabels:");
      new TreeMap<>(labels).forEach((k, v) -> sb.append("\n ").append(k).append(str(v).isEmpty() ? "" : "=" + str(v)));
    }
    mode(sb, spec);
    updateStatus(sb, Jv.get(s, "UpdateStatus"), now);
    placement(sb, Jv.get(task, "Placement"));
    updateConfig(sb, Jv.get(spec, "UpdateConfig"), "UpdateConfig:", "Update order:      ");
    updateConfig(sb, Jv.get(spec, "RollbackConfig"), "RollbackConfig:", "Rollback order:    ");
    containerSpec(sb, container);
    logDriver(sb, Jv.get(task, "LogDriver"));
    resources(sb, Jv.get(task, "Resources"));
    List<Object> networks = Jv.list(task, "Networks");
    if (!networks.isEmpty()) {
      sb.append("\nNetworks:");
      networks.forEach(n -> sb.append(' ').append(networkName.apply(Jv.str(n, "Target"))));
      sb.append(' ');
    }
    sb.append("\nEndpoint Mode:\t").append(Jv.str(spec, "EndpointSpec", "Mode"));
    List<Object> ports = Jv.list(s, "Endpoint", "Ports");
    if (!ports.isEmpty()) {
      sb.append("\nPorts:");
      for (Object p : ports) {
        sb.append("\n PublishedPort = ").append(Jv.lng(p, "PublishedPort"))
            .append("\n  Protocol = ").append(Jv.str(p, "Protocol"))
            .append("\n  TargetPort = ").append(Jv.lng(p, "TargetPort"))
            .append("\n  PublishMode = ").append(Jv.str(p, "PublishMode"));
      }
      sb.append(' ');
    }
    healthcheck(sb, Jv.get(container, "Healthcheck"));
    return sb.append("\n\n").toString();
  }

  private static void mode(StringBuilder sb, Object spec) {
    sb.append("\nService Mode:");
    if (Jv.get(spec, "Mode", "Global") != null) {
      sb.append("\tGlobal");
    } else if (Jv.get(spec, "Mode", "Replicated") != null) {
      sb.append("\tReplicated");
      if (Jv.get(spec, "Mode", "Replicated", "Replicas") != null) {
        sb.append("\n Replicas:\t").append(Jv.lng(spec, "Mode", "Replicated", "Replicas"));
      }
    }
  }

  private static void updateStatus(StringBuilder sb, Object status, Instant now) {
    String state = Jv.str(status, "State");
    if (state.isEmpty()) {
      return;
    }
    sb.append("\nUpdateStatus:\n State:\t\t").append(state);
    if (Jv.get(status, "StartedAt") != null) {
      sb.append("\n Started:\t").append(ago(Jv.str(status, "StartedAt"), now));
    }
    if (state.equals("completed") && Jv.get(status, "CompletedAt") != null) {
      sb.append("\n Completed:\t").append(ago(Jv.str(status, "CompletedAt"), now));
    }
    sb.append("\n Message:\t").append(Jv.str(status, "Message"));
  }

  private static String ago(String time, Instant now) {
    return Units.humanDuration(Duration.between(Ages.parse(time), now)) + " ago";
  }

  private static void placement(StringBuilder sb, Object placement) {
    sb.append("\nPlacement:");
    List<String> constraints = Jv.list(placement, "Constraints").stream().map(ServicePretty::str).toList();
    if (!constraints.isEmpty()) {
      sb.append("\n Constraints:\t").append(GoText.list(constraints));
    }
    List<String> prefs = Jv.list(placement, "Preferences").stream()
        .filter(p -> Jv.get(p, "Spread") != null).map(p -> "spread=" + Jv.str(p, "Spread", "SpreadDescriptor")).toList();
    if (!prefs.isEmpty()) {
      sb.append("\n Preferences:   ").append(GoText.list(prefs));
    }
    long max = Jv.lng(placement, "MaxReplicas");
    if (max != 0) {
      sb.append("\n Max Replicas Per Node:   ").append(max);
    }
  }

  private static void updateConfig(StringBuilder sb, Object c, String title, String orderTitle) {
    if (c == null) {
      return;
    }
    sb.append('\n').append(title).append("\n Parallelism:\t").append(Jv.lng(c, "Parallelism"));
    if (Jv.lng(c, "Delay") > 0) {
      sb.append("\n Delay:\t\t").append(GoText.duration(Jv.lng(c, "Delay")));
    }
    sb.append("\n On failure:\t").append(Jv.str(c, "FailureAction"));
    if (Jv.lng(c, "Monitor") > 0) {
      sb.append("\n Monitoring Period: ").append(GoText.duration(Jv.lng(c, "Monitor")));
    }
    sb.append("\n Max failure ratio: ").append(GoText.number(Jv.get(c, "MaxFailureRatio")));
    sb.append("\n ").append(orderTitle).append(Jv.str(c, "Order"));
  }

  private static void containerSpec(StringBuilder sb, Object c) {
    sb.append("\nContainerSpec:\n Image:\t\t").append(Jv.str(c, "Image"));
    words(sb, "\n Args:\t\t", Jv.list(c, "Args"));
    words(sb, "\n Env:\t\t", Jv.list(c, "Env"));
    if (!Jv.str(c, "Dir").isEmpty()) {
      sb.append("\n Dir:\t\t").append(Jv.str(c, "Dir"));
    }
    if (Jv.get(c, "Init") != null) {
      sb.append("\n Init:\t\t").append(Jv.bool(c, "Init"));
    }
    if (!Jv.str(c, "User").isEmpty()) {
      sb.append("\n User: ").append(Jv.str(c, "User"));
    }
    List<Object> add = Jv.list(c, "CapabilityAdd");
    List<Object> drop = Jv.list(c, "CapabilityDrop");
    if (!add.isEmpty() || !drop.isEmpty()) {
      sb.append("\nCapabilities:");
      if (!add.isEmpty()) {
        sb.append("\n Add: ").append(String.join(", ", add.stream().map(ServicePretty::str).toList()));
      }
      if (!drop.isEmpty()) {
        sb.append("\n Drop: ").append(String.join(", ", drop.stream().map(ServicePretty::str).toList()));
      }
    }
    Map<String, Object> sysctls = Jv.map(c, "Sysctls");
    if (!sysctls.isEmpty()) {
      sb.append("\nSysCtls:");
      new TreeMap<>(sysctls).forEach((k, v) -> sb.append("\n ").append(k).append(str(v).isEmpty() ? "" : ": " + str(v)));
    }
    List<Object> ulimits = Jv.list(c, "Ulimits");
    if (!ulimits.isEmpty()) {
      sb.append("\nUlimits:");
      Map<String, String> byName = new TreeMap<>();
      ulimits.forEach(u -> byName.put(Jv.str(u, "Name"), Jv.lng(u, "Soft") + ":" + Jv.lng(u, "Hard")));
      byName.forEach((k, v) -> sb.append("\n ").append(k).append(": ").append(v));
    }
    List<Object> mounts = Jv.list(c, "Mounts");
    if (!mounts.isEmpty()) {
      sb.append("\nMounts:");
      for (Object m : mounts) {
        sb.append("\n Target:\t").append(Jv.str(m, "Target")).append("\n  Source:\t").append(Jv.str(m, "Source"))
            .append("\n  ReadOnly:\t").append(Jv.bool(m, "ReadOnly")).append("\n  Type:\t\t").append(Jv.str(m, "Type"));
      }
    }
    references(sb, "\nConfigs:", Jv.list(c, "Configs"), "ConfigName");
    references(sb, "\nSecrets:", Jv.list(c, "Secrets"), "SecretName");
  }

  /** Each word followed by a space, as docker's range prints them. */
  private static void words(StringBuilder sb, String title, List<Object> words) {
    if (!words.isEmpty()) {
      sb.append(title);
      words.forEach(w -> sb.append(str(w)).append(' '));
    }
  }

  private static void references(StringBuilder sb, String title, List<Object> refs, String nameField) {
    if (!refs.isEmpty()) {
      sb.append(title);
      refs.forEach(r -> sb.append("\n Target:\t").append(Jv.str(r, "File", "Name")).append("\n  Source:\t").append(Jv.str(r, nameField)));
    }
  }

  private static void logDriver(StringBuilder sb, Object driver) {
    if (driver == null) {
      return;
    }
    sb.append("\nLog Driver:");
    if (!Jv.str(driver, "Name").isEmpty()) {
      sb.append("\n Name:\t\t").append(Jv.str(driver, "Name"));
    }
    Map<String, Object> options = Jv.map(driver, "Options");
    if (!options.isEmpty()) {
      sb.append("\n LogOpts:");
      new TreeMap<>(options).forEach((k, v) -> sb.append("\n  ").append(k).append(str(v).isEmpty() ? "" : ":       " + str(v)));
    }
    sb.append('\n');
  }

  private static void resources(StringBuilder sb, Object r) {
    if (r != null) {
      sb.append("\nResources:");
      Object res = Jv.get(r, "Reservations");
      if (Jv.lng(res, "NanoCPUs") > 0 || Jv.lng(res, "MemoryBytes") > 0) {
        sb.append("\n Reservations:");
        cpuAndMemory(sb, res);
      }
      Object lim = Jv.get(r, "Limits");
      if (Jv.lng(lim, "NanoCPUs") > 0 || Jv.lng(lim, "MemoryBytes") > 0 || Jv.lng(lim, "Pids") > 0) {
        sb.append("\n Limits:");
        cpuAndMemory(sb, lim);
      }
    }
    long pids = Jv.lng(r, "Limits", "Pids");
    if (pids > 0) {
      sb.append("\n  PIDs:\t\t").append(pids);
    }
  }

  private static void cpuAndMemory(StringBuilder sb, Object res) {
    long cpus = Jv.lng(res, "NanoCPUs");
    if (cpus > 0) {
      sb.append("\n  CPU:\t\t").append(GoText.number(new java.math.BigDecimal(cpus).movePointLeft(9)));
    }
    long memory = Jv.lng(res, "MemoryBytes");
    if (memory != 0) {
      sb.append("\n  Memory:\t").append(Units.bytesSize(memory));
    }
  }

  private static void healthcheck(StringBuilder sb, Object h) {
    if (h == null) {
      return;
    }
    sb.append("\n Healthcheck:\n  Interval = ").append(GoText.duration(Jv.lng(h, "Interval")))
        .append("\n  Retries = ").append(Jv.lng(h, "Retries"))
        .append("\n  StartPeriod =\t").append(GoText.duration(Jv.lng(h, "StartPeriod")))
        .append("\n  Timeout =\t").append(GoText.duration(Jv.lng(h, "Timeout")));
    List<Object> tests = Jv.list(h, "Test");
    if (!tests.isEmpty()) {
      sb.append("\n  Tests:");
      tests.forEach(t -> sb.append("\n\t Test = ").append(str(t)));
      sb.append(' ');
    }
  }

  private static String str(Object v) {
    return v == null ? "" : v.toString();
  }
}
