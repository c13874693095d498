package shoal.net;

import java.util.ArrayList;
import java.util.List;
import shoal.errors.ConflictException;
import shoal.errors.NotFoundException;
import shoal.net.link.IpBatch;

/**
 * {@code docker network connect/disconnect} of a running container to a swarm network: its
 * endpoint on the overlay, and the docker_gwbridge leg it needs (or no longer needs) for egress.
 * Part of {@link LocalNetworking}, under the same lock.
 */
final class OverlayConnections {
  private OverlayConnections() {}

  static EndpointInfo connect(LocalNetworking ln, OverlayEndpoints ov, Sandbox b, String ref, EndpointSpec asked) {
    NetworkState state = ln.state();
    EndpointSpec spec = asked == null ? EndpointSpec.defaults() : asked;
    state.findOverlay(ref).filter(n -> b.endpointOn(n.id()).isPresent()).ifPresent(n -> {
      throw new ConflictException("endpoint with name " + b.containerName() + " already exists in network " + n.name());
    });
    OverlayEndpoints.Resolved r =
        ov.resolve(ref, b.containerId(), b.containerName(), spec, new NotFoundException("network " + ref + " not found"));
    Network n = r.network();
    Endpoint e = EndpointPlanner.planOverlay(n, r.address(), spec, EndpointPlanner.nextIfName(b.endpoints()));
    Sandbox updated = b.withEndpoint(e);
    Network gwNet = null;
    Endpoint gw = null;
    try {
      ln.checkJoinable(b, n);
      if (OverlayEndpoints.needsGatewayBridge(networks(state, updated))) {
        gwNet = ov.gatewayBridge();
        gw = EndpointPlanner.plan(gwNet, EndpointSpec.defaults(), state.usedAddresses(gwNet),
            EndpointPlanner.nextIfName(updated.endpoints()));
        updated = updated.withEndpoint(gw);
      }
      state.put(updated);
      IpBatch inside = IpBatch.in(b.netns());
      ov.join(n, e, b.netns(), inside);
      if (gw != null) {
        IpBatch host = IpBatch.inHost();
        ln.bridges().join(gwNet, gw, b.netns(), host, inside);
        ln.bridges().routeDefault(gwNet, gw, inside);
        ln.ip().apply(host);
      }
      ln.ip().apply(inside);
      ln.firewall().sync(state.networks(), state.sandboxes());
    } catch (RuntimeException ex) {
      Endpoint gwDone = gw;
      Undo.all(ex, () -> ov.leave(e), () -> {
        if (gwDone != null) {
          ln.bridges().leave(gwDone);
        }
      }, () -> state.put(b), () -> ov.release(n.id(), b.containerId(), r.attached()),
          () -> ln.firewall().sync(state.networks(), state.sandboxes()));
      throw LocalNetworking.failure("cannot connect container " + LocalNetworking.short12(b.containerId())
          + " to network " + n.name(), ex);
    }
    ln.published("connect", n, b.containerId());
    if (gwNet != null) {
      ln.published("connect", gwNet, b.containerId());
    }
    return LocalNetworking.endpointInfo(n, e);
  }

  static void disconnect(LocalNetworking ln, OverlayEndpoints ov, Sandbox b, String ref) {
    NetworkState state = ln.state();
    Network n = state.findOverlay(ref).orElseThrow(() -> new NotFoundException("network " + ref + " not found"));
    Endpoint e = b.endpointOn(n.id()).orElseThrow(() -> new NotFoundException(
        "container " + b.containerId() + " is not connected to network " + ref));
    Sandbox updated = b.withoutEndpoint(n.id());
    Endpoint gw = null;
    Network gwNet = state.byName(OverlayEndpoints.GATEWAY_BRIDGE).orElse(null);
    if (gwNet != null && updated.endpointOn(gwNet.id()).isPresent()
        && networks(state, updated).stream().noneMatch(x -> x.overlayDriver() && !x.internal())) {
      gw = updated.endpointOn(gwNet.id()).get();
      updated = updated.withoutEndpoint(gwNet.id());
    }
    try {
      ov.leave(e);
      if (gw != null) {
        ln.bridges().leave(gw);
      }
      state.put(updated);
      ln.firewall().sync(state.networks(), state.sandboxes());
    } catch (RuntimeException ex) {
      throw LocalNetworking.failure("cannot disconnect container " + LocalNetworking.short12(b.containerId())
          + " from network " + n.name(), ex);
    }
    ov.release(n.id(), b.containerId(), !ov.isTaskContainer(b.containerName()));
    ln.published("disconnect", n, b.containerId());
    if (gw != null) {
      ln.published("disconnect", gwNet, b.containerId());
    }
  }

  private static List<Network> networks(NetworkState state, Sandbox b) {
    List<Network> out = new ArrayList<>();
    b.endpoints().forEach(x -> state.network(x.networkId()).ifPresent(out::add));
    return out;
  }
}
