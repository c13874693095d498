package shoal.swarm;

import java.util.List;
import java.util.Map;
import shoal.manager.store.objects.NodeObject;

/**
 * The filters of {@code GET /nodes}, as swarmkit applies them: every given filter must match;
 * within one filter, any of its values.
 *
 * @param ids node ID prefixes
 * @param names hostnames (or node names), exact
 * @param roles "manager" or "worker"
 * @param memberships "accepted" or "pending" (Shoal's nodes are all accepted)
 * @param engineLabels "key" or "key=value" on the engine's labels
 * @param nodeLabels "key" or "key=value" on the node's labels
 */
public record NodeFilter(
    List<String> ids, List<String> names, List<String> roles, List<String> memberships,
    List<String> engineLabels, List<String> nodeLabels) {
  public static final NodeFilter NONE = new NodeFilter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

  public boolean matches(NodeObject n) {
    return (ids.isEmpty() || ids.stream().anyMatch(n.id()::startsWith))
        && (names.isEmpty() || names.contains(n.description().hostname()) || names.contains(n.spec().name()))
        && (roles.isEmpty() || roles.contains(NodeNames.role(n.role())))
        && (memberships.isEmpty() || memberships.contains("accepted"))
        && labelsMatch(engineLabels, Map.of())
        && labelsMatch(nodeLabels, n.spec().labels());
  }

  private static boolean labelsMatch(List<String> wanted, Map<String, String> labels) {
    for (String w : wanted) {
      int eq = w.indexOf('=');
      boolean ok = eq < 0 ? labels.containsKey(w) : w.substring(eq + 1).equals(labels.get(w.substring(0, eq)));
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
