package shoal.cli.commands.node;

import shoal.cli.CliException;
import shoal.cli.api.EngineClient;
import shoal.cli.json.Jv;

/** Node references as docker reads them: {@code self} is the node the daemon runs on. */
final class NodeRefs {
  private NodeRefs() {}

  static String resolve(EngineClient api, String ref) {
    if (!ref.equals("self")) {
      return ref;
    }
    String id = Jv.str(api.get("/info", null), "Swarm", "NodeID");
    if (id.isEmpty()) {
      // Not in a swarm, or not a manager: the node list's refusal says which, in the daemon's words.
      api.get("/nodes", null);
      throw new CliException("node ID not found in /info");
    }
    return id;
  }
}
