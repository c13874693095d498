package shoal.swarm;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import shoal.errors.ForbiddenException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.UnavailableException;
import shoal.manager.store.objects.NetworkObject;
import shoal.net.NetworkCreateRequest;

/**
 * The swarm networks as this node's Engine API shows them: on a manager every network of the
 * swarm (from the store); on a worker only those it has been told about ({@link NodeNetworks});
 * outside a swarm none. Creating and removing them needs a manager.
 */
public final class SwarmNetworks {
  /** Docker's refusal of {@code network create -d overlay} on a worker. */
  static final String WORKER_CREATE =
      "Cannot create a multi-host network from a worker node. Please create the network from a manager node.";

  private final SwarmService swarm;
  private final NodeNetworks known;

  public SwarmNetworks(SwarmService swarm, NodeNetworks known) {
    this.swarm = swarm;
    this.known = known;
  }

  /** A node taking part in a network, as {@code network inspect -v} shows it. */
  public record Peer(String name, String ip) {}

  /**
   * The nodes taking part in the network: on a manager those the store says host an endpoint on
   * it; on a worker itself and the nodes of its peer table; outside a swarm none.
   */
  public List<Peer> peers(NetworkObject n) {
    return switch (role()) {
      case MANAGER -> swarm.networks().peers(n);
      case WORKER -> workerPeers(n);
      case NONE -> List.of();
    };
  }

  /** On a worker: itself (it shows the network only while it has an endpoint there) and the nodes of its peer table. */
  private List<Peer> workerPeers(NetworkObject n) {
    List<Peer> out = new java.util.ArrayList<>();
    String self = swarm.info().nodeAddr();
    if (!self.isEmpty()) {
      out.add(new Peer(swarm.hostname(), self));
    }
    known.peerNodes(n.id()).forEach((name, ip) -> out.add(new Peer(name, ip)));
    return out;
  }

  /** The services on the network with their tasks; managers only know (elsewhere none). */
  public List<NetworkServices.Service> services(NetworkObject n) {
    return role() == Role.MANAGER ? swarm.networks().services(n) : List.of();
  }

  /** The hook the node's data plane fills on workers. */
  public NodeNetworks known() {
    return known;
  }

  private enum Role { NONE, WORKER, MANAGER }

  private Role role() {
    String state = swarm.pingState();
    if (state.equals("active/manager")) {
      return Role.MANAGER;
    }
    return state.equals("active/worker") ? Role.WORKER : Role.NONE;
  }

  public List<NetworkObject> list() {
    return switch (role()) {
      case MANAGER -> swarm.networks().list();
      case WORKER -> known.list();
      case NONE -> List.of();
    };
  }

  /** By ID, name or unique ID prefix, among those {@link #list} shows. */
  public Optional<NetworkObject> find(String ref) {
    return switch (role()) {
      case MANAGER -> swarm.networks().find(ref);
      case WORKER -> findKnown(ref);
      case NONE -> Optional.empty();
    };
  }

  private Optional<NetworkObject> findKnown(String ref) {
    List<NetworkObject> all = known.list();
    Optional<NetworkObject> exact = all.stream()
        .filter(n -> n.id().equals(ref) || n.spec().name().equals(ref)).findFirst();
    if (exact.isPresent()) {
      return exact;
    }
    List<NetworkObject> prefixed = all.stream().filter(n -> n.id().startsWith(ref)).toList();
    if (prefixed.size() > 1) {
      throw new InvalidArgumentException("network " + ref + " is ambiguous (" + prefixed.size()
          + " matches found based on ID prefix)");
    }
    return prefixed.stream().findFirst();
  }

  /**
   * {@code network create -d overlay}.
   *
   * @throws ForbiddenException on a worker, in Docker's words
   * @throws UnavailableException outside a swarm, in Docker's words
   */
  public NetworkObject create(NetworkCreateRequest request) {
    if (role() == Role.WORKER) {
      throw new ForbiddenException(WORKER_CREATE);
    }
    return swarm.networks().create(request);
  }

  /** {@code network rm} of a swarm network; needs a manager (Docker's 503 otherwise). */
  public void remove(String ref) {
    swarm.networks().remove(ref);
  }

  /** Whether the network is used (by a service or a task); managers only know. */
  public boolean inUse(NetworkObject n) {
    return role() != Role.MANAGER || n.spec().ingress() || swarm.networks().inUse(n);
  }

  /** {@code network prune} on a manager; nothing elsewhere (a worker's swarm networks are in use). */
  public List<String> prune(Predicate<NetworkObject> filter) {
    return role() == Role.MANAGER ? swarm.networks().prune(filter) : List.of();
  }
}
