package shoal.cli.commands.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import shoal.cli.format.Units;
import shoal.cli.json.Jv;

/**
 * {@code node inspect --pretty}: docker's human layout of a node, its tabs kept as tabs (docker
 * writes this format without a tabwriter).
 */
final class NodePretty {
  private NodePretty() {}

  /** One node's text, ending with a newline. */
  static String render(Map<String, Object> n) {
    StringBuilder sb = new StringBuilder();
    sb.append("ID:\t\t\t").append(Jv.str(n, "ID"));
    String name = Jv.str(n, "Spec", "Name");
    if (!name.isEmpty()) {
      sb.append("\nName:\t\t\t").append(name);
    }
    labels(sb, "Labels:", Jv.map(n, "Spec", "Labels"));
    sb.append("\nHostname:              \t").append(Jv.str(n, "Description", "Hostname"));
    sb.append("\nJoined at:             \t").append(Pretty.time(Jv.str(n, "CreatedAt")));
    sb.append("\nStatus:");
    sb.append("\n State:\t\t\t").append(Pretty.capitalize(Jv.str(n, "Status", "State")));
    String message = Jv.str(n, "Status", "Message");
    if (!message.isEmpty()) {
      sb.append("\n Message:              \t").append(Pretty.capitalize(message));
    }
    sb.append("\n Availability:         \t").append(Pretty.capitalize(Jv.str(n, "Spec", "Availability")));
    String addr = Jv.str(n, "Status", "Addr");
    if (!addr.isEmpty()) {
      sb.append("\n Address:\t\t").append(addr);
    }
    if (Jv.get(n, "ManagerStatus") != null) {
      sb.append("\nManager Status:");
      sb.append("\n Address:\t\t").append(Jv.str(n, "ManagerStatus", "Addr"));
      sb.append("\n Raft Status:\t\t").append(Pretty.capitalize(Jv.str(n, "ManagerStatus", "Reachability")));
      sb.append("\n Leader:\t\t").append(Jv.bool(n, "ManagerStatus", "Leader") ? "Yes" : "No");
    }
    sb.append("\nPlatform:");
    sb.append("\n Operating System:\t").append(Jv.str(n, "Description", "Platform", "OS"));
    sb.append("\n Architecture:\t\t").append(Jv.str(n, "Description", "Platform", "Architecture"));
    sb.append("\nResources:");
    sb.append("\n CPUs:\t\t\t").append(Jv.lng(n, "Description", "Resources", "NanoCPUs") / 1_000_000_000L);
    long memory = Jv.lng(n, "Description", "Resources", "MemoryBytes");
    sb.append("\n Memory:\t\t").append(memory == 0 ? "" : Units.bytesSize(memory));
    plugins(sb, Jv.list(n, "Description", "Engine", "Plugins"));
    sb.append("\nEngine Version:\t\t").append(Jv.str(n, "Description", "Engine", "EngineVersion"));
    labels(sb, "Engine Labels:", Jv.map(n, "Description", "Engine", "Labels"));
    Object tls = Jv.get(n, "Description", "TLSInfo");
    String root = Jv.str(tls, "TrustRoot");
    String subject = Jv.str(tls, "CertIssuerSubject");
    String key = Jv.str(tls, "CertIssuerPublicKey");
    if (!root.isEmpty() || !subject.isEmpty() || !key.isEmpty()) {
      sb.append("\nTLS Info:\n TrustRoot:\n").append(root);
      sb.append("\n Issuer Subject:\t").append(subject);
      sb.append("\n Issuer Public Key:\t").append(key);
    }
    return sb.append('\n').toString();
  }

  /** Labels sorted by key, {@code key=value} or the key alone when the value is empty. */
  private static void labels(StringBuilder sb, String title, Map<String, Object> labels) {
    if (labels.isEmpty()) {
      return;
    }
    sb.append('\n').append(title);
    new TreeMap<>(labels).forEach((k, v) -> {
      String value = v == null ? "" : v.toString();
      sb.append("\n - ").append(k).append(value.isEmpty() ? "" : "=" + value);
    });
  }

  /** Plugin names grouped by type, types sorted, names in the daemon's order. */
  private static void plugins(StringBuilder sb, List<Object> plugins) {
    if (plugins.isEmpty()) {
      return;
    }
    Map<String, List<String>> byType = new TreeMap<>();
    for (Object p : plugins) {
      byType.computeIfAbsent(Jv.str(p, "Type"), t -> new ArrayList<>()).add(Jv.str(p, "Name"));
    }
    sb.append("\nPlugins:");
    byType.forEach((type, names) -> {
      String joined = String.join(", ", names);
      sb.append("\n ").append(type).append(':').append(joined.isEmpty() ? "" : "\t\t" + joined);
    });
  }
}
