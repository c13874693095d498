package shoal.cli.commands.service;

import shoal.cli.CliException;
import shoal.cli.api.EngineClient;
import shoal.cli.json.Jv;

/** Node references as docker reads them: {@code self} is the node the daemon runs on; others go as given. */
public final class NodeRef {
  private NodeRef() {}

  public static String resolve(EngineClient api, String ref) {
    if (!ref.equals("self")) {
      return ref;
    }
    String id = Jv.str(api.get("/info", null), "Swarm", "NodeID");
    if (id.isEmpty()) {
      // not a manager, or not in a swarm: the node list's refusal says which, in the daemon's words
      api.get("/nodes", null);
      throw new CliException("node ID not found in /info");
    }
    return id;
  }

  /** The filter with {@code node=self} replaced by this node's ID, encoded. */
  static String resolveSelf(EngineClient api, Filters filter) {
    if (filter.has("node", "self")) {
      filter.remove("node", "self");
      filter.add("node", resolve(api, "self"));
    }
    return filter.encode();
  }
}
