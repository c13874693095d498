package shoal.swarm;

import java.util.List;
import shoal.manager.store.objects.NodeObject;

/**
 * {@code POST /swarm/join}.
 *
 * @param remoteAddrs cluster addresses of managers to join through, tried in order
 * @param availability accepted for Docker's sake; a node joins active and is drained with node update
 */
public record JoinRequest(
    String listenAddr, String advertiseAddr, List<String> remoteAddrs, String joinToken,
    NodeObject.Availability availability) {
  public JoinRequest {
    remoteAddrs = remoteAddrs == null ? List.of() : List.copyOf(remoteAddrs);
  }
}
