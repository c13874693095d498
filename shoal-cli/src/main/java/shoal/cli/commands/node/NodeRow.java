package shoal.cli.commands.node;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import shoal.cli.format.Header;
import shoal.cli.format.template.TemplateObject;
import shoal.cli.json.JsonValue;
import shoal.cli.json.Jv;

/** One row of {@code node ls}: a node of {@code /nodes}, seen from the node {@code /info} describes. */
final class NodeRow implements TemplateObject, JsonValue {
  static final String DEFAULT_TABLE =
      "table {{.ID}} {{if .Self}}*{{else}} {{ end }}\t{{.Hostname}}\t{{.Status}}\t{{.Availability}}\t{{.ManagerStatus}}\t{{.EngineVersion}}";
  static final Header HEADER = new Header(Map.of(
      "ID", "ID",
      "Self", "",
      "Hostname", "HOSTNAME",
      "Status", "STATUS",
      "Availability", "AVAILABILITY",
      "ManagerStatus", "MANAGER STATUS",
      "EngineVersion", "ENGINE VERSION",
      "TLSStatus", "TLS STATUS"));
  private static final List<String> FIELDS =
      List.of("Availability", "EngineVersion", "Hostname", "ID", "ManagerStatus", "Self", "Status", "TLSStatus");
  private static final List<String> TLS_FIELDS = List.of("TrustRoot", "CertIssuerSubject", "CertIssuerPublicKey");

  private final Map<String, Object> node;
  private final Map<String, Object> swarmInfo;

  /** @param swarmInfo {@code /info}'s {@code Swarm}; empty with {@code -q}, where docker does not ask */
  NodeRow(Map<String, Object> node, Map<String, Object> swarmInfo) {
    this.node = node;
    this.swarmInfo = swarmInfo;
  }

  @Override
  public String typeName() {
    return "*node.nodeContext";
  }

  @Override
  public Object field(String name, List<Object> args) {
    if (!args.isEmpty()) {
      return UNKNOWN;
    }
    return switch (name) {
      case "ID" -> Jv.str(node, "ID");
      case "Self" -> Jv.str(node, "ID").equals(Jv.str(swarmInfo, "NodeID"));
      case "Hostname" -> Jv.str(node, "Description", "Hostname");
      case "Status" -> Pretty.capitalize(Jv.str(node, "Status", "State"));
      case "Availability" -> Pretty.capitalize(Jv.str(node, "Spec", "Availability"));
      case "ManagerStatus" -> managerStatus();
      case "TLSStatus" -> tlsStatus();
      case "EngineVersion" -> Jv.str(node, "Description", "Engine", "EngineVersion");
      default -> UNKNOWN;
    };
  }

  private String managerStatus() {
    if (Jv.get(node, "ManagerStatus") == null) {
      return "";
    }
    return Jv.bool(node, "ManagerStatus", "Leader") ? "Leader" : Pretty.capitalize(Jv.str(node, "ManagerStatus", "Reachability"));
  }

  /** Whether the node's certificate was issued by the cluster's current root. */
  private String tlsStatus() {
    Object cluster = Jv.get(swarmInfo, "Cluster", "TLSInfo");
    Object mine = Jv.get(node, "Description", "TLSInfo");
    if (Jv.get(swarmInfo, "Cluster") == null || empty(cluster) || empty(mine)) {
      return "Unknown";
    }
    for (String f : TLS_FIELDS) {
      if (!Jv.str(cluster, f).equals(Jv.str(mine, f))) {
        return "Needs Rotation";
      }
    }
    return "Ready";
  }

  private static boolean empty(Object tlsInfo) {
    return TLS_FIELDS.stream().allMatch(f -> Jv.str(tlsInfo, f).isEmpty());
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
