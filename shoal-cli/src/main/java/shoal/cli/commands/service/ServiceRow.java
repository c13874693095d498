package shoal.cli.commands.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import shoal.cli.format.Header;
import shoal.cli.format.Ids;
import shoal.cli.format.template.TemplateObject;
import shoal.cli.json.JsonValue;
import shoal.cli.json.Jv;

/** One row of {@code service ls}: a service of {@code /services?status=true}. */
final class ServiceRow implements TemplateObject, JsonValue {
  static final String DEFAULT_TABLE = "table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}";
  static final Header HEADER = new Header(Map.of(
      "ID", "ID", "Name", "NAME", "Mode", "MODE", "Replicas", "REPLICAS", "Image", "IMAGE", "Ports", "PORTS"));
  private static final List<String> FIELDS = List.of("ID", "Image", "Mode", "Name", "Ports", "Replicas");

  private final Object service;

  ServiceRow(Object service) {
    this.service = service;
  }

  @Override
  public String typeName() {
    return "*formatter.serviceContext";
  }

  @Override
  public Object field(String name, List<Object> args) {
    if (!args.isEmpty()) {
      return UNKNOWN;
    }
    return switch (name) {
      case "ID" -> Ids.truncate(Jv.str(service, "ID"));
      case "Name" -> Jv.str(service, "Spec", "Name");
      case "Mode" -> mode(service);
      case "Replicas" -> replicas();
      case "Image" -> ImageNames.display(Jv.str(service, "Spec", "TaskTemplate", "ContainerSpec", "Image"));
      case "Ports" -> ports(Jv.list(service, "Endpoint", "Ports"));
      default -> UNKNOWN;
    };
  }

  static String mode(Object service) {
    Object mode = Jv.get(service, "Spec", "Mode");
    if (Jv.get(mode, "Global") != null) {
      return "global";
    }
    if (Jv.get(mode, "Replicated") != null) {
      return "replicated";
    }
    if (Jv.get(mode, "ReplicatedJob") != null) {
      return "replicated job";
    }
    return Jv.get(mode, "GlobalJob") != null ? "global job" : "";
  }

  /** {@code running/desired}, with the per-node maximum of a replicated service that has one. */
  private String replicas() {
    long running = Jv.lng(service, "ServiceStatus", "RunningTasks");
    long desired = Jv.lng(service, "ServiceStatus", "DesiredTasks");
    long completed = Jv.lng(service, "ServiceStatus", "CompletedTasks");
    Object mode = Jv.get(service, "Spec", "Mode");
    if (Jv.get(mode, "ReplicatedJob") != null) {
      return running + "/" + desired + " (" + completed + "/" + Jv.lng(mode, "ReplicatedJob", "TotalCompletions") + " completed)";
    }
    if (Jv.get(mode, "GlobalJob") != null) {
      return running + "/" + desired + " (" + completed + "/" + (desired + completed) + " completed)";
    }
    long max = Jv.lng(service, "Spec", "TaskTemplate", "Placement", "MaxReplicas");
    if (mode(service).equals("replicated") && max > 0) {
      return running + "/" + desired + " (max " + max + " per node)";
    }
    return running + "/" + desired;
  }

  /**
   * Ingress ports, consecutive ones grouped as docker groups them: {@code *:80-81->80-81/tcp},
   * several published ports to one target as {@code *:80-81->80/tcp}.
   */
  static String ports(List<Object> ports) {
    List<Object> sorted = new ArrayList<>(ports);
    sorted.sort(Comparator.comparing((Object p) -> Jv.str(p, "Protocol")).thenComparingLong(p -> Jv.lng(p, "PublishedPort")));
    List<String> out = new ArrayList<>();
    long[] r = null; // pStart, pEnd, tStart, tEnd
    String proto = "";
    for (Object p : sorted) {
      if (!Jv.str(p, "PublishMode").equals("ingress")) {
        continue;
      }
      long published = Jv.lng(p, "PublishedPort");
      long target = Jv.lng(p, "TargetPort");
      String protocol = Jv.str(p, "Protocol");
      boolean isRange = r != null && r[3] != r[2];
      // uint32 arithmetic as in Go: a port below the range's end counts as far from it
      boolean startNew = r == null || !protocol.equals(proto) || gap(published, r[1]) || gap(target, r[3])
          || isRange && target <= r[3];
      if (startNew) {
        if (r != null && r[0] > 0) {
          out.add(range(r, proto));
        }
        r = new long[] {published, published, target, target};
        proto = protocol;
        continue;
      }
      r[1] = published;
      r[3] = target;
    }
    if (r != null && r[0] > 0) {
      out.add(range(r, proto));
    }
    return String.join(", ", out);
  }

  private static boolean gap(long port, long end) {
    return ((port - end) & 0xffff_ffffL) > 1;
  }

  private static String range(long[] r, String proto) {
    String pub = r[1] > r[0] ? r[0] + "-" + r[1] : Long.toString(r[0]);
    String tgt = r[3] > r[2] ? r[2] + "-" + r[3] : Long.toString(r[2]);
    return "*:" + pub + "->" + tgt + "/" + proto;
  }

  @Override
  public Object toJsonValue() {
    Map<String, Object> m = new TreeMap<>();
    for (String f : FIELDS) {
      m.put(f, field(f, List.of()));
    }
    return m;
  }
}
