package shoal.net;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.ConflictException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.errors.ShoalException;
import shoal.errors.SystemException;
import shoal.events.Event;
import shoal.events.EventLog;
import shoal.net.bridge.BridgeDriver;
import shoal.net.bridge.HostFirewall;
import shoal.net.bridge.PortReservations;
import shoal.net.ipam.Ipv4Address;
import shoal.net.link.IpBatch;
import shoal.net.link.IpRoute;
import shoal.net.sandbox.SandboxNamespaces;

/**
 * Containers' networking on this host: their namespaces, endpoints on bridge, host and null
 * networks, and published ports. Each change is recorded in {@link NetworkState} before the kernel
 * is touched (so a crash never frees an address still in use) and undone when a later step fails.
 *
 * <p>A container start on a bridge network costs two {@code ip} processes (one batch in the host,
 * one in the new namespace) and, with published ports, one {@code nft}.
 */
public final class LocalNetworking implements ContainerNetworking {
  private static final Logger log = LoggerFactory.getLogger(LocalNetworking.class);

  private final NetworkState state;
  private final IpRoute ip;
  private final BridgeDriver bridges;
  private final SandboxNamespaces namespaces;
  private final HostFirewall firewall;
  private final PortReservations ports;
  private final EventLog events;
  private final OverlayEndpoints overlays;

  public LocalNetworking(
      NetworkState state, IpRoute ip, BridgeDriver bridges, SandboxNamespaces namespaces,
      HostFirewall firewall, PortReservations ports, EventLog events, OverlayEndpoints overlays) {
    this.state = state;
    this.overlays = overlays;
    this.ip = ip;
    this.bridges = bridges;
    this.namespaces = namespaces;
    this.firewall = firewall;
    this.ports = ports;
    this.events = events;
  }

  @Override
  public SandboxInfo setUp(SandboxSpec spec) {
    synchronized (state) {
      Optional<Sandbox> existing = state.sandbox(spec.containerId());
      if (existing.isPresent()) {
        if (intact(existing.get())) {
          return info(existing.get());
        }
        tearDown(spec.containerId());
      }
      String mode = spec.mode() == null ? "" : spec.mode();
      if (mode.startsWith("container:")) {
        return sharedWith(mode.substring("container:".length()));
      }
      Map<String, OverlayEndpoints.Resolved> onOverlays = new LinkedHashMap<>();
      Map<Network, EndpointSpec> wanted;
      try {
        wanted = EndpointPlanner.order(spec, overlays.resolver(spec, onOverlays));
        if (OverlayEndpoints.needsGatewayBridge(wanted.keySet())) {
          wanted.put(overlays.gatewayBridge(), EndpointSpec.defaults());
        }
      } catch (RuntimeException e) {
        onOverlays.values().stream().filter(OverlayEndpoints.Resolved::attached)
            .forEach(r -> overlays.release(r.network().id(), spec.containerId(), true));
        throw e;
      }
      Network primary = wanted.keySet().iterator().next();
      String netns = primary.driver().equals(Network.HOST) ? null : SandboxNamespaces.nameOf(spec.containerId());
      if (netns != null) {
        claimNamespaceName(netns, spec.containerId());
      }
      List<Endpoint> endpoints = new ArrayList<>();
      for (Map.Entry<Network, EndpointSpec> w : wanted.entrySet()) {
        Set<Ipv4Address> used = new HashSet<>(state.usedAddresses(w.getKey()));
        endpoints.forEach(e -> used.add(e.ipv4()));
        String ifName = EndpointPlanner.nextIfName(endpoints);
        OverlayEndpoints.Resolved r = onOverlays.get(w.getKey().id());
        endpoints.add(r != null
            ? EndpointPlanner.planOverlay(w.getKey(), r.address(), w.getValue(), ifName)
            : EndpointPlanner.plan(w.getKey(), w.getValue(), used, ifName));
      }
      Sandbox planned = new Sandbox(spec.containerId(), spec.containerName(), netns, endpoints, List.of());
      List<PortBinding> reserved = new ArrayList<>();
      boolean recorded = false;
      try {
        if (HostFirewall.publishingEndpoint(planned, networksById()) != null) {
          String label = spec.containerName() + " (" + endpoints.getFirst().endpointId() + ")";
          for (PortBinding p : spec.ports()) {
            reserved.add(ports.reserve(PortBindings.check(p), label));
          }
          planned = new Sandbox(spec.containerId(), spec.containerName(), netns, endpoints, reserved);
        }
        state.put(planned);
        recorded = true;
        build(planned);
        firewall.sync(state.networks(), state.sandboxes());
      } catch (RuntimeException e) {
        undoSetUp(planned, reserved, recorded, e);
        for (OverlayEndpoints.Resolved r : onOverlays.values()) {
          Undo.all(e, () -> overlays.release(r.network().id(), spec.containerId(), r.attached()));
        }
        throw failure("cannot set up networking of container " + short12(spec.containerId()), e);
      }
      log.info("container {}: sandbox {} up on {}", short12(spec.containerId()), netns,
          wanted.keySet().stream().map(Network::name).toList());
      for (Endpoint e : planned.endpoints()) {
        publish("connect", state.network(e.networkId()).orElseThrow(), spec.containerId());
      }
      return info(planned);
    }
  }

  @Override
  public void tearDown(String containerId) {
    synchronized (state) {
      Optional<Sandbox> found = state.sandbox(containerId);
      if (found.isEmpty()) {
        namespaces.delete(SandboxNamespaces.nameOf(containerId));
        return;
      }
      Sandbox b = found.get();
      IpBatch host = IpBatch.inHost();
      List<Endpoint> onOverlays = overlayEndpoints(b);
      try {
        onOverlays.forEach(overlays::leave);
      } catch (RuntimeException e) {
        throw failure("cannot tear down networking of container " + short12(containerId), e);
      }
      for (Endpoint e : b.endpoints()) {
        // Deleted explicitly: a namespace that still holds a process outlives `ip netns delete`.
        if (e.hasLink() && BridgeDriver.linkExists(e.hostVeth())) {
          host.deleteLink(e.hostVeth());
        }
      }
      if (b.netns() != null && namespaces.exists(b.netns())) {
        host.deleteNetns(b.netns());
      }
      try {
        ip.apply(host);
      } catch (RuntimeException e) {
        throw failure("cannot tear down networking of container " + short12(containerId), e);
      }
      b.ports().forEach(ports::release);
      state.remove(b);
      for (Endpoint e : onOverlays) {
        overlays.release(e.networkId(), containerId, !overlays.isTaskContainer(b.containerName()));
      }
      firewall.sync(state.networks(), state.sandboxes());
      log.info("container {}: sandbox {} removed", short12(containerId), b.netns());
      for (Endpoint e : b.endpoints()) {
        state.network(e.networkId()).ifPresent(n -> publish("disconnect", n, containerId));
      }
    }
  }

  @Override
  public EndpointInfo connect(String containerId, String network, EndpointSpec spec) {
    synchronized (state) {
      Sandbox b = runningSandbox(containerId);
      Network local = findLocal(network);
      if (local == null) {
        return OverlayConnections.connect(this, overlays, b, network, spec);
      }
      Network n = local;
      if (b.endpointOn(n.id()).isPresent()) {
        throw new ConflictException("endpoint with name " + b.containerName() + " already exists in network " + n.name());
      }
      checkJoinable(b, n);
      Set<Ipv4Address> used = state.usedAddresses(n);
      Endpoint e = EndpointPlanner.plan(n, spec == null ? EndpointSpec.defaults() : spec, used,
          EndpointPlanner.nextIfName(b.endpoints()));
      Sandbox updated = b.withEndpoint(e);
      try {
        state.put(updated);
        IpBatch host = IpBatch.inHost();
        IpBatch inside = IpBatch.in(b.netns());
        bridges.join(n, e, b.netns(), host, inside);
        Endpoint gateway = gatewayEndpoint(updated);
        if (gateway == e) {
          bridges.routeDefault(n, e, inside);
        }
        ip.apply(host);
        ip.apply(inside);
        firewall.sync(state.networks(), state.sandboxes());
      } catch (RuntimeException ex) {
        Undo.all(ex, () -> bridges.leave(e), () -> state.put(b),
            () -> firewall.sync(state.networks(), state.sandboxes()));
        throw failure("cannot connect container " + short12(containerId) + " to network " + n.name(), ex);
      }
      publish("connect", n, containerId);
      return endpointInfo(n, e);
    }
  }

  @Override
  public void disconnect(String containerId, String network) {
    synchronized (state) {
      Sandbox b = runningSandbox(containerId);
      Network n = findLocal(network);
      if (n == null) {
        OverlayConnections.disconnect(this, overlays, b, network);
        return;
      }
      Endpoint e = b.endpointOn(n.id()).orElseThrow(() -> new NotFoundException(
          "container " + containerId + " is not connected to network " + network));
      if (!n.bridgeDriver()) {
        throw new InvalidArgumentException(n.driver().equals(Network.HOST)
            ? EndpointPlanner.HOST_MODE_ERROR
            : "container cannot be disconnected from the none network while it runs");
      }
      boolean hadGateway = gatewayEndpoint(b) == e;
      Sandbox updated = b.withoutEndpoint(n.id());
      try {
        bridges.leave(e);
        state.put(updated);
        Endpoint next = gatewayEndpoint(updated);
        if (hadGateway && next != null) {
          IpBatch inside = IpBatch.in(b.netns());
          bridges.routeDefault(state.network(next.networkId()).orElseThrow(), next, inside);
          ip.apply(inside);
        }
        firewall.sync(state.networks(), state.sandboxes());
      } catch (RuntimeException ex) {
        throw failure("cannot disconnect container " + short12(containerId) + " from network " + n.name(), ex);
      }
      publish("disconnect", n, containerId);
    }
  }

  /** Every sandbox this side made that is still recorded (what it owns). */
  public List<Sandbox> sandboxes() {
    return List.copyOf(state.sandboxes());
  }

  private void build(Sandbox b) {
    if (b.netns() == null) {
      return;
    }
    IpBatch host = IpBatch.inHost();
    IpBatch inside = IpBatch.in(b.netns());
    namespaces.create(host, b.netns());
    namespaces.initialise(inside);
    Endpoint gateway = gatewayEndpoint(b);
    List<Endpoint> onOverlays = new ArrayList<>();
    for (Endpoint e : b.endpoints()) {
      if (!e.hasLink()) {
        continue;
      }
      Network n = state.network(e.networkId()).orElseThrow();
      if (n.overlayDriver()) {
        onOverlays.add(e);
        continue;
      }
      bridges.join(n, e, b.netns(), host, inside);
      if (e == gateway) {
        bridges.routeDefault(n, e, inside);
      }
    }
    ip.apply(host);
    // The overlays' veths are made from their sandboxes into the namespace made just above.
    for (Endpoint e : onOverlays) {
      overlays.join(state.network(e.networkId()).orElseThrow(), e, b.netns(), inside);
    }
    ip.apply(inside);
  }

  private void undoSetUp(Sandbox b, List<PortBinding> reserved, boolean recorded, RuntimeException cause) {
    List<Runnable> steps = new ArrayList<>();
    for (Endpoint e : b.endpoints()) {
      steps.add(() -> bridges.leave(e));
    }
    overlayEndpoints(b).forEach(e -> steps.add(() -> overlays.leave(e)));
    if (b.netns() != null) {
      steps.add(() -> namespaces.delete(b.netns()));
    }
    steps.add(() -> reserved.forEach(ports::release));
    if (recorded) {
      steps.add(() -> state.remove(b));
    }
    steps.add(() -> firewall.sync(state.networks(), state.sandboxes()));
    Undo.all(cause, steps.toArray(Runnable[]::new));
  }

  private List<Endpoint> overlayEndpoints(Sandbox b) {
    return b.endpoints().stream()
        .filter(e -> state.network(e.networkId()).map(Network::overlayDriver).orElse(false)).toList();
  }

  /** The local network, or null when no local network answers to the reference. */
  private Network findLocal(String ref) {
    try {
      return state.find(ref);
    } catch (NotFoundException e) {
      return null;
    }
  }

  NetworkState state() {
    return state;
  }

  IpRoute ip() {
    return ip;
  }

  BridgeDriver bridges() {
    return bridges;
  }

  HostFirewall firewall() {
    return firewall;
  }

  void published(String action, Network n, String containerId) {
    publish(action, n, containerId);
  }

  /** The endpoint holding the default route: the first on a bridge network that is not internal. */
  Endpoint gatewayEndpoint(Sandbox b) {
    return HostFirewall.publishingEndpoint(b, networksById());
  }

  private Map<String, Network> networksById() {
    return state.networks().stream().collect(Collectors.toMap(Network::id, Function.identity()));
  }

  /**
   * Makes sure the namespace name is free for this container: another sandbox holding it (two ids
   * alike in their first 12 characters) is a conflict; a namespace nobody records is a leftover.
   */
  private void claimNamespaceName(String netns, String containerId) {
    for (Sandbox other : state.sandboxes()) {
      if (netns.equals(other.netns()) && !other.containerId().equals(containerId)) {
        throw new ConflictException("network namespace " + netns + " is in use by container " + other.containerId());
      }
    }
    if (namespaces.exists(netns)) {
      log.info("container {}: removing leftover namespace {}", short12(containerId), netns);
      namespaces.delete(netns);
    }
  }

  private boolean intact(Sandbox b) {
    return b.netns() == null || namespaces.exists(b.netns());
  }

  private SandboxInfo sharedWith(String ref) {
    List<Sandbox> matches = state.sandboxes().stream()
        .filter(b -> b.containerId().startsWith(ref) || b.containerName().equals(ref))
        .toList();
    if (matches.size() != 1) {
      throw new NotFoundException("cannot join network of container " + ref + ": it is not running");
    }
    Sandbox other = matches.getFirst();
    return new SandboxInfo(
        other.netns() == null ? null : SandboxNamespaces.pathOf(other.netns()), Map.of(), List.of());
  }

  Sandbox runningSandbox(String containerId) {
    return state.sandbox(containerId).orElseThrow(() ->
        new NotFoundException("container " + containerId + " has no network sandbox: it is not running"));
  }

  void checkJoinable(Sandbox b, Network n) {
    for (Endpoint e : b.endpoints()) {
      Network on = state.network(e.networkId()).orElse(null);
      if (on != null && on.driver().equals(Network.HOST)) {
        throw new InvalidArgumentException(EndpointPlanner.HOST_MODE_ERROR);
      }
      if (on != null && on.driver().equals(Network.NULL)) {
        throw new InvalidArgumentException(EndpointPlanner.NONE_MODE_ERROR);
      }
    }
    if (n.driver().equals(Network.HOST)) {
      throw new InvalidArgumentException(EndpointPlanner.HOST_MODE_ERROR);
    }
    if (n.driver().equals(Network.NULL)) {
      throw new InvalidArgumentException(EndpointPlanner.NONE_MODE_ERROR);
    }
  }

  private SandboxInfo info(Sandbox b) {
    Map<String, EndpointInfo> eps = new LinkedHashMap<>();
    for (Endpoint e : b.endpoints()) {
      state.network(e.networkId()).ifPresent(n -> eps.put(n.name(), endpointInfo(n, e)));
    }
    return new SandboxInfo(b.netns() == null ? null : SandboxNamespaces.pathOf(b.netns()), eps, b.ports());
  }

  static EndpointInfo endpointInfo(Network n, Endpoint e) {
    boolean addressed = e.ipv4() != null;
    return new EndpointInfo(
        n.id(), n.name(), e.endpointId(),
        addressed ? e.ipv4().toString() : "",
        addressed ? n.subnet().prefixLength() : 0,
        addressed && !n.internal() && !n.overlayDriver() ? n.gateway().toString() : "",
        e.mac(), e.aliases());
  }

  private void publish(String action, Network n, String containerId) {
    events.publish(Event.local("network", action, n.id(),
        Map.of("container", containerId, "name", n.name(), "type", n.driver())));
  }

  static RuntimeException failure(String what, RuntimeException e) {
    if (e instanceof ShoalException) {
      return e;
    }
    return new SystemException(what + ": " + e.getMessage(), e);
  }

  static String short12(String id) {
    return id.substring(0, Math.min(12, id.length()));
  }
}
