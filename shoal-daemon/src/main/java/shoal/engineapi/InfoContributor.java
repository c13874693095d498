package shoal.engineapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A part of the daemon that adds its own fields to {@code GET /info} (the runtime its container
 * counts, the swarm its Swarm section), so that the info route needs to know none of them.
 */
@FunctionalInterface
public interface InfoContributor {
  void contribute(ObjectNode info);
}
