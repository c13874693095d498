package shoal.net;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.ShoalException;
import shoal.net.bridge.BridgeDriver;
import shoal.net.bridge.PortReservations;
import shoal.net.link.IpBatch;
import shoal.net.link.IpRoute;
import shoal.net.link.IpRoute.LinkInfo;
import shoal.net.sandbox.SandboxNamespaces;

/**
 * Takes over, at daemon start, the sandboxes an earlier run made: running containers keep their
 * namespaces, addresses and published ports across a restart (also after kill -9).
 */
final class SandboxRecovery {
  private static final Logger log = LoggerFactory.getLogger(SandboxRecovery.class);

  private final NetworkState state;
  private final LocalNetworking networking;
  private final IpRoute ip;
  private final BridgeDriver bridges;
  private final SandboxNamespaces namespaces;
  private final PortReservations ports;
  private final OverlayEndpoints overlays;

  SandboxRecovery(NetworkState state, LocalNetworking networking, IpRoute ip, BridgeDriver bridges,
      SandboxNamespaces namespaces, PortReservations ports, OverlayEndpoints overlays) {
    this.overlays = overlays;
    this.state = state;
    this.networking = networking;
    this.ip = ip;
    this.bridges = bridges;
    this.namespaces = namespaces;
    this.ports = ports;
  }

  /**
   * After a daemon start: forgets sandboxes whose namespace is gone, rebuilds endpoints whose veth
   * is missing, takes the published ports again and removes namespaces of ours nobody records.
   */
  void restore(Map<String, LinkInfo> hostLinks) {
    synchronized (state) {
      Set<String> recorded = new HashSet<>();
      for (Sandbox b : state.sandboxes()) {
        if (b.netns() != null && !namespaces.exists(b.netns())) {
          log.info("container {}: namespace {} is gone; releasing its endpoints", LocalNetworking.short12(b.containerId()), b.netns());
          state.remove(b);
          continue;
        }
        recorded.add(b.netns());
        repairLinks(b, hostLinks);
        for (PortBinding p : b.ports()) {
          try {
            ports.reserve(p, b.containerName());
          } catch (ShoalException e) {
            log.warn("container {}: cannot hold host port again: {}", LocalNetworking.short12(b.containerId()), e.getMessage());
          }
        }
      }
      for (String ns : namespaces.list()) {
        if (!recorded.contains(ns)) {
          log.info("removing namespace {} that no sandbox records", ns);
          namespaces.delete(ns);
        }
      }
      try {
        overlays.restore(state.sandboxes());
      } catch (RuntimeException e) {
        log.warn("cannot clean up overlay sandboxes: {}", e.getMessage());
      }
    }
  }

  private void repairLinks(Sandbox b, Map<String, LinkInfo> hostLinks) {
    IpBatch host = IpBatch.inHost();
    IpBatch inside = IpBatch.in(b.netns());
    Endpoint gateway = networking.gatewayEndpoint(b);
    for (Endpoint e : b.endpoints()) {
      Network n = state.network(e.networkId()).orElse(null);
      // An overlay endpoint's veth lives in its network's sandbox, which the session's networks re-ensure.
      if (n == null || !e.hasLink() || n.overlayDriver() || hostLinks.containsKey(e.hostVeth())) {
        continue;
      }
      bridges.join(n, e, b.netns(), host, inside);
      if (e == gateway) {
        bridges.routeDefault(n, e, inside);
      }
    }
    try {
      ip.apply(host);
      ip.apply(inside);
      if (!host.isEmpty()) {
        log.info("container {}: endpoints rebuilt: {}", LocalNetworking.short12(b.containerId()), host);
      }
    } catch (RuntimeException e) {
      log.warn("container {}: cannot rebuild endpoints: {}", LocalNetworking.short12(b.containerId()), e.getMessage());
    }
  }
}
