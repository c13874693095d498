package shoal.net;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.ForbiddenException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.errors.UnavailableException;
import shoal.net.ipam.Ipv4Address;
import shoal.net.link.IpBatch;
import shoal.net.link.IpRoute;
import shoal.net.link.IpRoute.LinkInfo;
import shoal.net.overlay.OverlayDriver;
import shoal.net.overlay.OverlaySegment;
import shoal.net.overlay.RemotePeer;

/**
 * The overlay side of this node's networking: which overlay networks it knows (those its session
 * gave it, and those its containers use), their peer tables, and their sandboxes, which exist only
 * while a container of the node is on the network. Guarded, like the rest of the network side, by
 * the {@link NetworkState} monitor: peer updates and container joins never interleave, so a
 * sandbox made after a table arrived gets that table, and a table arriving later reaches every
 * sandbox that exists.
 */
public final class OverlayEndpoints {
  private static final Logger log = LoggerFactory.getLogger(OverlayEndpoints.class);
  static final String ENCRYPTED_REFUSAL = "network %s is encrypted (--opt encrypted): Shoal's encrypted data path"
      + " is not available yet, and its traffic is never sent in clear; use a network without encryption";

  /** The local bridge network giving overlay containers their egress (Docker's name). */
  public static final String GATEWAY_BRIDGE = "docker_gwbridge";

  private final NetworkState state;
  private volatile Supplier<Network> gatewayBridge = () -> {
    throw new IllegalStateException("no docker_gwbridge maker wired");
  };
  private final OverlayDriver driver;
  private final IpRoute ip;
  private volatile OverlayAttacher attacher = OverlayAttacher.NONE;
  // Attachments (container ID, network ID) whose give-back no manager answered: retried with each
  // new session, so that the store does not keep the address (and the network in use) forever.
  private final Set<Map.Entry<String, String>> undetached = ConcurrentHashMap.newKeySet();
  private volatile Supplier<String> localVtep = () -> "";
  private volatile Runnable onChange = () -> {};
  // Guarded by state: by network ID, by endpoint ID. A network without a table has not had one yet
  // (after a restart): its sandbox's entries are then left as they are.
  private final Map<String, Map<String, RemotePeer>> peers = new HashMap<>();
  // Guarded by state: networks the session gave.
  private final Set<String> given = new HashSet<>();
  // Addresses the task runtime reserved for tasks' containers, by container name, by network ID.
  private final Map<String, Map<String, Ipv4Address>> taskAddresses = new ConcurrentHashMap<>();
  // The MTU of the link holding each VTEP address, read once.
  private final Map<String, Integer> underlayMtu = new ConcurrentHashMap<>();

  OverlayEndpoints(NetworkState state, OverlayDriver driver, IpRoute ip) {
    this.state = state;
    this.driver = driver;
    this.ip = ip;
  }

  void gatewayBridgeMaker(Supplier<Network> maker) {
    this.gatewayBridge = maker;
  }

  /** docker_gwbridge, made when missing. */
  Network gatewayBridge() {
    return gatewayBridge.get();
  }

  /** Wires the swarm side: attachments, this node's VTEP ("" outside a swarm), and who follows changes. */
  public void connectSwarm(OverlayAttacher attacher, Supplier<String> localVtep, Runnable onChange) {
    this.attacher = attacher;
    this.localVtep = localVtep;
    this.onChange = onChange;
  }

  // ------------------------------------------------------------------ what the session says

  /** The networks the node is to know: {@code full} replaces the set; {@code removed} are gone. */
  public void networks(boolean full, List<Network> networks, List<String> removed) {
    synchronized (state) {
      Set<String> drop = new HashSet<>(removed);
      if (full) {
        Set<String> now = new HashSet<>();
        networks.forEach(n -> now.add(n.id()));
        given.stream().filter(id -> !now.contains(id)).forEach(drop::add);
        given.clear();
      }
      for (Network n : networks) {
        given.add(n.id());
        state.putOverlay(n);
        drop.remove(n.id());
      }
      given.removeAll(drop);
      for (String id : drop) {
        peers.remove(id);
        forgetIfUnused(id);
      }
      if (full) {
        // A new session after a restart: make again what is missing of the sandboxes that exist.
        for (Network n : networks) {
          if (driver.exists(n.id())) {
            ensureSandbox(n);
          }
        }
      }
    }
    if (full && !undetached.isEmpty()) {
      // Off the session's thread: each call waits for a manager.
      Thread.ofVirtual().name("overlay-detach-retry").start(this::retryDetaches);
    }
    onChange.run();
  }

  private void retryDetaches() {
    for (Map.Entry<String, String> a : List.copyOf(undetached)) {
      try {
        attacher.detach(a.getKey(), a.getValue());
        undetached.remove(a);
        log.info("container {}: address on {} given back", LocalNetworking.short12(a.getKey()),
            LocalNetworking.short12(a.getValue()));
      } catch (RuntimeException e) {
        log.info("container {}: address on {} still not given back: {}", LocalNetworking.short12(a.getKey()),
            LocalNetworking.short12(a.getValue()), e.getMessage());
      }
    }
  }

  /** The remote endpoints of a network: {@code full} replaces its table. */
  public void peers(String networkId, boolean full, Map<String, RemotePeer> upserted, List<String> removed) {
    synchronized (state) {
      Map<String, RemotePeer> table = peers.computeIfAbsent(networkId, k -> new LinkedHashMap<>());
      if (full) {
        table.clear();
      }
      // Removed first: an address freed and given to another endpoint comes back under a new ID.
      removed.forEach(table::remove);
      table.putAll(upserted);
      if (!driver.exists(networkId)) {
        return;
      }
      try {
        if (full || !removed.isEmpty()) {
          driver.resyncPeers(networkId, table.values());
        } else {
          driver.putPeers(networkId, upserted.values());
        }
      } catch (RuntimeException e) {
        log.warn("overlay {}: cannot set peers ({}); resyncing", LocalNetworking.short12(networkId), e.getMessage());
        driver.resyncPeers(networkId, table.values());
      }
    }
  }

  /** The overlay networks the node uses now: given by its session, or holding a container of it. */
  public Set<String> inUse() {
    synchronized (state) {
      Set<String> ids = new HashSet<>(given);
      for (Network n : state.overlays()) {
        if (!state.attachedTo(n.id()).isEmpty()) {
          ids.add(n.id());
        }
      }
      return ids;
    }
  }

  // ------------------------------------------------------------------ tasks' addresses

  /**
   * Records the addresses the managers gave a task on its networks, before its container is made:
   * the container's set-up takes them (a user cannot ask for an address on a swarm network).
   *
   * @throws ForbiddenException a network is encrypted (refused rather than sent in clear)
   */
  public void expectTask(String containerName, List<Network> networks, List<Ipv4Address> addresses) {
    Map<String, Ipv4Address> byNetwork = new LinkedHashMap<>();
    synchronized (state) {
      for (int i = 0; i < networks.size(); i++) {
        Network n = networks.get(i);
        checkUsable(n);
        if (state.network(n.id()).isEmpty()) {
          state.putOverlay(n);
        }
        byNetwork.put(n.id(), addresses.get(i));
      }
    }
    taskAddresses.put(containerName, byNetwork);
  }

  public void forgetTask(String containerName) {
    taskAddresses.remove(containerName);
  }

  // ------------------------------------------------------------------ containers' endpoints

  /** A network a container asked for that is not local, with the container's address on it. */
  record Resolved(Network network, Ipv4Address address, boolean attached) {}

  /**
   * Resolves a network reference no local network has: a task's network with its reserved
   * address, or an attachment from the managers for a standalone container.
   *
   * @param notLocal the local lookup's refusal, thrown again when the node is in no swarm
   */
  Resolved resolve(String ref, String containerId, String containerName, EndpointSpec spec, NotFoundException notLocal) {
    Map<String, Ipv4Address> reserved = taskAddresses.getOrDefault(containerName, Map.of());
    Optional<Network> known = state.findOverlay(ref);
    if (known.isPresent() && reserved.containsKey(known.get().id())) {
      checkUsable(known.get());
      return new Resolved(known.get(), reserved.get(known.get().id()), false);
    }
    if (localVtep.get().isEmpty()) {
      throw notLocal;
    }
    if (spec != null && spec.ipv4Address() != null && !spec.ipv4Address().isEmpty()) {
      throw new InvalidArgumentException("user specified IP address is not supported on swarm network " + ref
          + " (its addresses come from the swarm's managers)");
    }
    OverlayAttacher.Attached a;
    try {
      a = attacher.attach(ref, containerId);
    } catch (UnavailableException e) {
      throw new UnavailableException("cannot attach to network " + ref + ": " + e.getMessage());
    }
    try {
      checkUsable(a.network());
    } catch (RuntimeException e) {
      detach(containerId, a.network().id(), e);
      throw e;
    }
    synchronized (state) {
      state.putOverlay(a.network());
    }
    log.info("container {}: attached to {} with {}", LocalNetworking.short12(containerId), a.network().name(), a.address());
    return new Resolved(a.network(), a.address(), true);
  }

  /**
   * Looks networks up as the container asks for them: local ones first, then swarm networks
   * (a task's, with its reserved address, or an attachment), each resolved once.
   */
  java.util.function.Function<String, Network> resolver(SandboxSpec spec,
      Map<String, Resolved> onOverlays) {
    Map<String, Network> byRef = new java.util.HashMap<>();
    return ref -> byRef.computeIfAbsent(ref, r -> {
      try {
        return state.find(r);
      } catch (NotFoundException notLocal) {
        Optional<Resolved> same = onOverlays.values().stream()
            .filter(o -> o.network().name().equals(r) || o.network().id().startsWith(r)).findFirst();
        if (same.isPresent()) {
          return same.get().network();
        }
        Resolved o = resolve(r, spec.containerId(), spec.containerName(),
            spec.endpoints().get(r), notLocal);
        onOverlays.put(o.network().id(), o);
        return o.network();
      }
    });
  }

  /**
   * Docker's rule for docker_gwbridge: a container on an overlay with a way out, and on no local
   * bridge network with one, gets an endpoint there for its egress (and published ports).
   */
  static boolean needsGatewayBridge(java.util.Collection<Network> networks) {
    return networks.stream().anyMatch(n -> n.overlayDriver() && !n.internal())
        && networks.stream().noneMatch(n -> n.bridgeDriver() && !n.internal());
  }

  /** Refuses what this node cannot carry safely. */
  static void checkUsable(Network n) {
    if (n.encrypted()) {
      throw new ForbiddenException(String.format(ENCRYPTED_REFUSAL, n.name()));
    }
  }

  /** Gives an attachment back, its failure riding on {@code cause}. */
  void detach(String containerId, String networkId, RuntimeException cause) {
    try {
      attacher.detach(containerId, networkId);
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /** The sandbox of the network, made (or adopted, or repaired) with the network's peer table. */
  OverlaySegment ensureSandbox(Network n) {
    String vtep = localVtep.get();
    if (vtep.isEmpty()) {
      throw new UnavailableException("cannot set up overlay network " + n.name() + ": this node is not in a swarm");
    }
    OverlaySegment s = segment(n, vtep);
    Map<String, RemotePeer> table = peers.get(n.id());
    driver.ensureSandbox(s, vtep, table == null ? null : table.values());
    return s;
  }

  /**
   * Joins a container's endpoint: the sandbox first (when this is the network's first endpoint on
   * the node), then the veth. The container's namespace must exist; {@code inside} gets its steps.
   */
  void join(Network n, Endpoint e, String containerNetns, IpBatch inside) {
    OverlaySegment s = ensureSandbox(n);
    IpBatch sandbox = IpBatch.in(OverlayDriver.sandboxName(n.id()));
    driver.join(s, e, containerNetns, sandbox, inside);
    ip.apply(sandbox);
  }

  /** Removes the endpoint's link (its address is given back by {@link #release}). */
  void leave(Endpoint e) {
    driver.leave(e.networkId(), e);
  }

  /**
   * After a container left the network (the state no longer records it): gives back its
   * attachment, and removes the sandbox when it was the node's last container there.
   */
  void release(String networkId, String containerId, boolean attached) {
    if (attached) {
      try {
        attacher.detach(containerId, networkId);
      } catch (RuntimeException e) {
        undetached.add(Map.entry(containerId, networkId));
        log.warn("container {}: cannot give back its address on {} now ({}); retried with the next session",
            LocalNetworking.short12(containerId), LocalNetworking.short12(networkId), e.getMessage());
      }
    }
    forgetIfUnused(networkId);
    onChange.run();
  }

  private void forgetIfUnused(String networkId) {
    if (!state.attachedTo(networkId).isEmpty()) {
      return;
    }
    driver.removeSandbox(networkId);
    if (!given.contains(networkId)) {
      state.removeOverlay(networkId);
      peers.remove(networkId);
    }
  }

  /** Recorded endpoints that are the node's attachments (not tasks'), by the containers' names. */
  boolean isTaskContainer(String containerName) {
    return taskAddresses.containsKey(containerName);
  }

  /**
   * After a daemon start: keeps the sandboxes of networks that recorded containers use (their
   * peer entries stay as they are until the session sends the tables again) and removes the others.
   */
  void restore(Collection<Sandbox> sandboxes) {
    Set<String> used = new HashSet<>();
    for (Sandbox b : sandboxes) {
      for (Endpoint e : b.endpoints()) {
        state.network(e.networkId()).filter(Network::overlayDriver).ifPresent(n -> used.add(OverlayDriver.sandboxName(n.id())));
      }
    }
    for (String ns : driver.sandboxes()) {
      if (!used.contains(ns)) {
        String id = state.overlays().stream().filter(n -> OverlayDriver.sandboxName(n.id()).equals(ns))
            .map(Network::id).findFirst().orElse(null);
        log.info("removing overlay sandbox {} that no container uses", ns);
        if (id != null) {
          driver.removeSandbox(id);
        } else {
          ip.apply(IpBatch.inHost().deleteNetns(ns));
        }
      }
    }
  }

  /** The kernel's view of a network: MTU the underlay's less VXLAN's overhead (DESIGN §8). */
  private OverlaySegment segment(Network n, String vtep) {
    int mtu = underlayMtu.computeIfAbsent(vtep, v -> {
      for (LinkInfo l : ip.links(null)) {
        if (l.ipv4().stream().anyMatch(a -> a.startsWith(v + "/"))) {
          return l.mtu();
        }
      }
      return 1500;
    });
    return new OverlaySegment(n.id(), n.vni(), n.subnet(), n.gateway(), mtu - OverlayDriver.VXLAN_OVERHEAD);
  }

  /** Peers of one network now (for tests and inspect). */
  List<RemotePeer> peersOf(String networkId) {
    synchronized (state) {
      return new ArrayList<>(peers.getOrDefault(networkId, Map.of()).values());
    }
  }
}
