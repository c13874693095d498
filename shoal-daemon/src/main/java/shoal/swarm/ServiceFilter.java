package shoal.swarm;

import java.util.List;
import java.util.Map;
import shoal.manager.store.objects.ServiceObject;

/**
 * The filters of {@code GET /services}, as swarmkit applies them: every given filter must match;
 * within one filter, any of its values.
 *
 * @param ids service ID prefixes
 * @param names service name prefixes
 * @param modes "replicated" or "global"
 * @param labels "key" or "key=value" on the service's labels
 */
public record ServiceFilter(List<String> ids, List<String> names, List<String> modes, List<String> labels) {
  public static final ServiceFilter NONE = new ServiceFilter(List.of(), List.of(), List.of(), List.of());

  public boolean matches(ServiceObject s) {
    return (ids.isEmpty() || ids.stream().anyMatch(s.id()::startsWith))
        && (names.isEmpty() || names.stream().anyMatch(s.spec().name()::startsWith))
        && (modes.isEmpty() || modes.contains(s.spec().mode().isGlobal() ? "global" : "replicated"))
        && labelsMatch(labels, s.spec().labels());
  }

  static boolean labelsMatch(List<String> wanted, Map<String, String> labels) {
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
