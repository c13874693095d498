package shoal.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.manager.dispatcher.NetworkProtos;
import shoal.proto.NetworkAttachments;
import shoal.proto.NetworkPeers;
import shoal.proto.PeerUpdates;

/**
 * Hands the session's network and peer messages to the node's {@link OverlayPlane}, on the
 * session thread and in the order they came. A data plane that fails on one message does not end
 * the session: it is logged, and the next session's full state repairs it.
 */
final class OverlaySync {
  private static final Logger log = LoggerFactory.getLogger(OverlaySync.class);

  private final OverlayPlane plane;

  OverlaySync(OverlayPlane plane) {
    this.plane = plane;
  }

  void networks(NetworkAttachments m) {
    try {
      plane.networks(m.getFull(), m.getNetworksList().stream().map(NetworkProtos::fromProto).toList(),
          m.getRemovedList());
    } catch (RuntimeException e) {
      log.warn("the overlay data plane failed on networks {} (removed {}): {}",
          m.getNetworksList().stream().map(n -> n.getName()).toList(), m.getRemovedList(), e.toString(), e);
    }
  }

  void peers(PeerUpdates m) {
    for (NetworkPeers p : m.getNetworksList()) {
      try {
        plane.peers(p.getNetworkId(), p.getFull(),
            p.getUpsertedList().stream().map(NetworkProtos::fromProto).toList(), p.getRemovedList());
      } catch (RuntimeException e) {
        log.warn("the overlay data plane failed on the peers of network {}: {}", p.getNetworkId(), e.toString(), e);
      }
    }
  }
}
