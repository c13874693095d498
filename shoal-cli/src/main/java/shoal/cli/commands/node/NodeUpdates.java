package shoal.cli.commands.node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import shoal.cli.api.EngineClient;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.json.Jv;

/**
 * Read-modify-write of node specs, shared by {@code update}, {@code promote} and {@code demote}:
 * each node is read, its spec changed, and written at the version read, so that a concurrent
 * change is refused by the daemon rather than lost. The first failure stops the loop.
 */
final class NodeUpdates {
  private NodeUpdates() {}

  /**
   * @param change edits the spec of the node (given as {@code /nodes/{id}} answered it); false
   *     to leave this node as it is
   * @param done called with the reference as the user wrote it, after each update
   */
  static void apply(EngineClient api, List<String> refs, NodeChange change, Consumer<String> done) {
    for (String ref : refs) {
      Object node = api.get("/nodes/" + Paths.seg(ref), null);
      Map<String, Object> spec = new LinkedHashMap<>(Jv.map(node, "Spec"));
      if (spec.get("Labels") instanceof Map<?, ?> labels) {
        spec.put("Labels", new TreeMap<>(labels)); // sorted, as docker (Go) writes a map
      }
      if (!change.test(Jv.map(node), spec)) {
        continue;
      }
      Query version = Query.of().add("version", Jv.lng(node, "Version", "Index"));
      api.post("/nodes/" + Paths.seg(Jv.str(node, "ID")) + "/update", version, spec);
      done.accept(ref);
    }
  }

  /** A change of one node's spec. */
  interface NodeChange {
    boolean test(Map<String, Object> node, Map<String, Object> spec);
  }

  /** A role change: {@code promote} and {@code demote}, which skip (with a note) nodes already in the role. */
  static NodeChange role(String role, Consumer<String> already) {
    return (node, spec) -> {
      if (role.equals(Jv.str(spec, "Role"))) {
        already.accept(Jv.str(node, "ID"));
        return false;
      }
      spec.put("Role", role);
      return true;
    };
  }
}
