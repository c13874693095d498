package shoal.net;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.ForbiddenException;
import shoal.errors.ShoalException;
import shoal.errors.SystemException;
import shoal.events.Event;
import shoal.events.EventLog;
import shoal.net.bridge.BridgeDriver;
import shoal.net.bridge.HostFirewall;
import shoal.net.ipam.AddressPools;
import shoal.net.ipam.Ipv4Subnet;
import shoal.net.link.IpBatch;
import shoal.net.link.IpRoute;
import shoal.net.link.IpRoute.LinkInfo;
import shoal.net.link.Sysctl;

/**
 * The local networks: the predefined bridge, host and none, and user-defined bridge networks.
 * Creating one checks everything before touching anything; each kernel step is undone when a later
 * one fails. Guarded by the {@link NetworkState} monitor, like {@link LocalNetworking}.
 */
public final class NetworkService {
  private static final Logger log = LoggerFactory.getLogger(NetworkService.class);

  private final NetworkState state;
  private final SandboxRecovery recovery;
  private final IpRoute ip;
  private final BridgeDriver bridges;
  private final HostFirewall firewall;
  private final Sysctl sysctl;
  private final EventLog events;
  private final NetworkPlanner planner = new NetworkPlanner(AddressPools.dockerDefaults());

  NetworkService(NetworkState state, SandboxRecovery recovery, IpRoute ip, BridgeDriver bridges,
      HostFirewall firewall, Sysctl sysctl, EventLog events) {
    this.state = state;
    this.recovery = recovery;
    this.ip = ip;
    this.bridges = bridges;
    this.firewall = firewall;
    this.sysctl = sysctl;
    this.events = events;
  }

  /**
   * Brings the kernel in line with what is recorded: makes the predefined networks on first start,
   * every bridge, the sandboxes' endpoints and ports, the nft table; removes bridges and namespaces
   * of Shoal's that nothing records (left by a crash).
   */
  public void start() {
    synchronized (state) {
      Map<String, LinkInfo> links = hostLinks();
      for (String name : List.of("bridge", "host", "none")) {
        if (state.byName(name).isEmpty()) {
          state.put(planner.predefined(name, state.networks(), hostRoutes(links), Instant.now()));
        }
      }
      sysctl.ensure("net.ipv4.ip_forward", "1");
      Set<String> ours = new HashSet<>();
      for (Network n : state.networks()) {
        if (n.bridgeDriver()) {
          ours.add(n.bridge().device());
          try {
            bridges.ensureBridge(n, links);
          } catch (RuntimeException e) {
            log.error("network {}: cannot make bridge {}: {}", n.name(), n.bridge().device(), e.getMessage());
          }
        }
      }
      for (LinkInfo l : links.values()) {
        if (l.kind().equals("bridge") && l.name().matches("br-[0-9a-f]{12}") && !ours.contains(l.name())) {
          log.info("removing bridge {} that no network records", l.name());
          try {
            ip.apply(IpBatch.inHost().deleteLink(l.name()));
          } catch (RuntimeException e) {
            log.warn("cannot remove bridge {}: {}", l.name(), e.getMessage());
          }
        }
      }
      recovery.restore(links);
      firewall.sync(state.networks(), state.sandboxes());
      log.info("networks ready: {}", state.networks().stream().map(Network::name).toList());
    }
  }

  public List<Network> list() {
    return state.networks();
  }

  /** By full id, name or unique id prefix; NotFoundException {@code network foo not found}. */
  public Network find(String ref) {
    return state.find(ref);
  }

  /** The running containers of this node on a network, local or overlay, by its full ID. */
  public List<Sandbox> attachedTo(String networkId) {
    return state.attachedTo(networkId);
  }

  /** The running containers on the network. */
  public List<Sandbox> attached(Network n) {
    return state.attachedTo(n.id());
  }

  public Network create(NetworkCreateRequest request) {
    synchronized (state) {
      Map<String, LinkInfo> links = hostLinks();
      Network n = planner.plan(request, state.networks(), hostRoutes(links), links.keySet(), Instant.now());
      List<Network> after = new ArrayList<>(state.networks());
      after.add(n);
      try {
        bridges.ensureBridge(n, links);
        firewall.sync(after, state.sandboxes());
        state.put(n);
      } catch (RuntimeException e) {
        Undo.all(e, () -> bridges.removeBridge(n), () -> firewall.sync(state.networks(), state.sandboxes()));
        throw e instanceof ShoalException ? e : new SystemException("cannot create network " + n.name() + ": " + e.getMessage(), e);
      }
      log.info("network {} ({}) created: {} gateway {} on {}", n.name(), n.id().substring(0, 12), n.subnet(),
          n.gateway(), n.bridge().device());
      publish("create", n);
      return n;
    }
  }

  /**
   * docker_gwbridge, made as Docker makes it when a node inits or joins a swarm: a local bridge
   * network (the first free default pool, 172.18.0.0/16 on a fresh host) with NAT egress and no
   * traffic between its containers (each is on a different overlay). Returns the existing one.
   */
  public Network ensureGatewayBridge() {
    synchronized (state) {
      Optional<Network> existing = state.byName(OverlayEndpoints.GATEWAY_BRIDGE);
      if (existing.isPresent()) {
        return existing.get();
      }
      return create(new NetworkCreateRequest(OverlayEndpoints.GATEWAY_BRIDGE, Network.BRIDGE, false, false, false,
          false, false, "", "", "", List.of(), Map.of(),
          Map.of(NetworkPlanner.OPT_BRIDGE_NAME, OverlayEndpoints.GATEWAY_BRIDGE,
              "com.docker.network.bridge.enable_icc", "false",
              NetworkPlanner.OPT_MASQUERADE, "true"),
          Map.of()));
    }
  }

  /**
   * Removes a user-defined network without endpoints.
   *
   * @throws ForbiddenException for the predefined ones and for networks in use, in Docker's words
   */
  public void remove(String ref) {
    synchronized (state) {
      Network n = state.find(ref);
      if (n.predefined()) {
        throw new ForbiddenException(n.name() + " is a pre-defined network and cannot be removed");
      }
      if (!state.attachedTo(n.id()).isEmpty()) {
        throw new ForbiddenException("error while removing network: network " + n.name() + " id " + n.id()
            + " has active endpoints");
      }
      List<Network> after = new ArrayList<>(state.networks());
      after.remove(n);
      try {
        firewall.sync(after, state.sandboxes());
        bridges.removeBridge(n);
        state.remove(n);
      } catch (RuntimeException e) {
        Undo.all(e, () -> firewall.sync(state.networks(), state.sandboxes()));
        throw e instanceof ShoalException ? e : new SystemException("cannot remove network " + n.name() + ": " + e.getMessage(), e);
      }
      log.info("network {} ({}) removed", n.name(), n.id().substring(0, 12));
      publish("destroy", n);
    }
  }

  /** Removes the user-defined networks that no running container uses and that {@code filter} accepts. */
  public List<String> prune(Predicate<Network> filter) {
    synchronized (state) {
      List<String> removed = new ArrayList<>();
      for (Network n : state.networks()) {
        if (!n.predefined() && state.attachedTo(n.id()).isEmpty() && filter.test(n)) {
          remove(n.id());
          removed.add(n.name());
        }
      }
      return removed;
    }
  }

  private Map<String, LinkInfo> hostLinks() {
    return ip.links(null).stream().collect(Collectors.toMap(LinkInfo::name, Function.identity(), (a, b) -> a));
  }

  /** The host's routed prefixes that are not on Shoal's bridges: a new network's pool must avoid them. */
  private List<Ipv4Subnet> hostRoutes(Map<String, LinkInfo> links) {
    List<Ipv4Subnet> out = new ArrayList<>();
    for (String dst : ip.routeDestinations()) {
      try {
        out.add(Ipv4Subnet.parse(dst));
      } catch (ShoalException notCanonical) {
        log.debug("ignoring route {}", dst);
      }
    }
    Set<Ipv4Subnet> ours = state.networks().stream().map(Network::subnet).filter(s -> s != null)
        .collect(Collectors.toSet());
    out.removeIf(ours::contains);
    return out;
  }

  private void publish(String action, Network n) {
    events.publish(Event.local("network", action, n.id(), Map.of("name", n.name(), "type", n.driver())));
  }
}
