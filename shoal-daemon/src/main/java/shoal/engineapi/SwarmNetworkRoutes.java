package shoal.engineapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import shoal.errors.ConflictException;
import shoal.manager.store.objects.NetworkObject;
import shoal.net.NetworkCreateRequest;
import shoal.net.NetworkService;
import shoal.swarm.NetworkRules;
import shoal.swarm.SwarmNetworks;

/**
 * The swarm side of {@code /networks…}, which {@link NetworkRoutes} consults beside the local
 * networks: overlay networks are created and removed in the swarm's store, listed and inspected
 * with Scope swarm. Names are unique across both kinds, as Docker keeps them.
 */
final class SwarmNetworkRoutes {
  private final SwarmNetworks swarm;
  private final NetworkService local;

  SwarmNetworkRoutes(SwarmNetworks swarm, NetworkService local) {
    this.swarm = swarm;
    this.local = local;
  }

  /** Adds the swarm networks that pass Docker's list filters (already validated) to {@code out}. */
  void list(ObjectMapper json, Filters f, ArrayNode out) {
    Boolean dangling = f.has("dangling") ? List.of("true", "1").contains(f.get("dangling").getFirst()) : null;
    for (NetworkObject n : swarm.list()) {
      if (f.matchesExact("driver", n.spec().driver())
          && f.matchesExact("scope", "swarm")
          && f.matchesAny("name", v -> NetworkRoutes.matches(v, n.spec().name()))
          && f.matchesAny("id", v -> NetworkRoutes.matches(v, n.id()))
          && f.matchesAny("type", v -> v.equals("custom"))
          && f.matchesLabels(n.spec().labels())
          && (dangling == null || dangling != swarm.inUse(n))) {
        out.add(SwarmNetworkJson.of(json, n, false, List.of(), List.of()));
      }
    }
  }

  /** The swarm network by ID, name or ID prefix, in Docker's shape; empty if none. */
  Optional<ObjectNode> inspect(ObjectMapper json, String ref, boolean verbose) {
    return swarm.find(ref).map(n -> {
      ObjectNode o = SwarmNetworkJson.of(json, n, verbose, verbose ? swarm.peers(n) : List.of(),
          verbose ? swarm.services(n) : List.of());
      List<shoal.net.Sandbox> here = local.attachedTo(n.id());
      if (!here.isEmpty() && n.allocation() != null) {
        // This node's own containers on the network, as Docker shows them (other nodes' are not).
        String prefix = n.allocation().subnet().substring(n.allocation().subnet().indexOf('/'));
        ObjectNode containers = o.putObject("Containers");
        for (shoal.net.Sandbox b : here) {
          b.endpointOn(n.id()).ifPresent(e -> {
            ObjectNode c = containers.putObject(b.containerId());
            c.put("Name", b.containerName());
            c.put("EndpointID", e.endpointId());
            c.put("MacAddress", e.mac());
            c.put("IPv4Address", e.ipv4() + prefix);
            c.put("IPv6Address", "");
          });
        }
      }
      return o;
    });
  }

  /** The name of the swarm network this node shows by that reference, if any. */
  Optional<String> nameOf(String ref) {
    return swarm.find(ref).map(n -> n.spec().name());
  }

  boolean isSwarm(NetworkCreateRequest r) {
    return NetworkRules.isSwarm(r);
  }

  /** {@code POST /networks/create} of an overlay network; returns its ID. */
  String create(NetworkCreateRequest r) {
    NetworkRules.spec(r);
    if (local.list().stream().anyMatch(n -> n.name().equals(r.name()))) {
      throw new ConflictException("network with name " + r.name() + " already exists");
    }
    return swarm.create(r).id();
  }

  /** Refuses a local network's name that a swarm network has. */
  void checkLocalName(String name) {
    if (swarm.list().stream().anyMatch(n -> n.spec().name().equals(name))) {
      throw new ConflictException("network with name " + name + " already exists");
    }
  }

  /** Removes the swarm network; false if this node shows none by that reference. */
  boolean remove(String ref) {
    if (swarm.find(ref).isEmpty()) {
      return false;
    }
    swarm.remove(ref);
    return true;
  }

  /** {@code network prune}'s swarm half: unused swarm networks made before {@code untilNanos}. */
  List<String> prune(Filters f, long untilNanos) {
    return swarm.prune(n -> nanos(n.meta().createdAt()) < untilNanos
        && f.matchesLabels(n.spec().labels())
        && f.get("label!").stream().noneMatch(l -> NetworkRoutes.hasLabel(l, n.spec().labels())));
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
