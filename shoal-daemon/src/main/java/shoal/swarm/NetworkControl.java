package shoal.swarm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.ConflictException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.manager.allocator.NetworkAllocator;
import shoal.manager.allocator.SubnetPool;
import shoal.manager.dispatcher.Endpoints;
import shoal.manager.store.Store;
import shoal.manager.store.StoreEvent;
import shoal.manager.store.StoreException;
import shoal.manager.store.Tx;
import shoal.manager.store.Watch;
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.Ids;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.NetworkObject;
import shoal.net.NetworkCreateRequest;

/**
 * Swarm networks on a manager: list, inspect, create, remove, prune. A network is created
 * unallocated; the leader's allocator gives it its subnet and VXLAN ID, and {@link #create} waits
 * for that so that an inspect right after shows them. The request is checked against the stored
 * networks first, so that a bad one is refused and nothing is stored.
 */
public final class NetworkControl {
  /** How long a create waits for the allocator before answering anyway. */
  static final Duration ALLOCATION_WAIT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(NetworkControl.class);

  private final Store store;

  NetworkControl(Store store) {
    this.store = store;
  }

  public List<NetworkObject> list() {
    return StoreCalls.read(store, tx -> tx.networks().list());
  }

  /** By ID, name or unique ID prefix. */
  public Optional<NetworkObject> find(String ref) {
    return StoreCalls.read(store, tx -> find(tx, ref));
  }

  /** By ID, name or unique ID prefix; {@code network foo not found} (404) if none. */
  public NetworkObject get(String ref) {
    return find(ref).orElseThrow(() -> notFound(ref));
  }

  static NotFoundException notFound(String ref) {
    return new NotFoundException("network " + ref + " not found");
  }

  static Optional<NetworkObject> find(Tx tx, String ref) {
    if (ref == null || ref.isEmpty()) {
      return Optional.empty();
    }
    Optional<NetworkObject> exact = tx.networks().find(ref);
    if (exact.isPresent()) {
      return exact;
    }
    Optional<NetworkObject> named = tx.networks().byName(ref);
    if (named.isPresent() && named.get().spec().name().equals(ref)) {
      return named;
    }
    List<NetworkObject> prefixed = tx.networks().list(n -> n.id().startsWith(ref));
    if (prefixed.size() > 1) {
      throw new InvalidArgumentException("network " + ref + " is ambiguous (" + prefixed.size()
          + " matches found based on ID prefix)");
    }
    return prefixed.stream().findFirst();
  }

  /**
   * {@code network create -d overlay}: checks the request, stores the network and waits (at most
   * {@link #ALLOCATION_WAIT}) for the allocator. Returns the network as stored by then.
   */
  public NetworkObject create(NetworkCreateRequest request) {
    NetworkObject.Spec spec = NetworkRules.spec(request);
    NetworkObject network = NetworkObject.of(Ids.newId(), spec);
    try (Watch watch = store.watch(StoreEvent.ofKind(Kind.NETWORK))) {
      store.update(tx -> {
        check(tx, network);
        tx.networks().create(network);
        return null;
      });
      log.info("network {} ({}) created, waiting for its allocation", spec.name(), network.id());
      return awaitAllocation(watch, network);
    } catch (shoal.manager.store.AlreadyExistsException e) {
      throw nameTaken(spec.name());
    } catch (StoreException e) {
      throw StoreErrors.map(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return network;
    }
  }

  /** What the allocator would refuse, refused now: a taken name, a second ingress, a bad subnet. */
  private static void check(Tx tx, NetworkObject network) {
    NetworkObject.Spec spec = network.spec();
    if (tx.networks().byName(spec.name()).isPresent()) {
      throw nameTaken(spec.name());
    }
    if (spec.ingress()) {
      tx.networks().list(n -> n.spec().ingress()).stream().findFirst().ifPresent(i -> {
        throw new ConflictException("rpc error: code = AlreadyExists desc = ingress network (" + i.id()
            + ") is already present");
      });
    }
    NetworkAllocator.allocate(network.id(), spec, pool(tx), tx.networks().list());
  }

  static ConflictException nameTaken(String name) {
    return new ConflictException("network with name " + name + " already exists");
  }

  private static SubnetPool pool(Tx tx) {
    return SubnetPool.of(tx.cluster().list().stream().findFirst()
        .map(ClusterObject::defaultAddressPool).orElse(null));
  }

  private NetworkObject awaitAllocation(Watch watch, NetworkObject network) throws InterruptedException {
    long deadline = System.nanoTime() + ALLOCATION_WAIT.toNanos();
    for (long left; (left = deadline - System.nanoTime()) > 0; ) {
      StoreEvent e = watch.poll(Duration.ofNanos(left));
      if (e instanceof StoreEvent.ObjectEvent o && o.object().id().equals(network.id())) {
        if (e instanceof StoreEvent.Deleted) {
          // The allocator found its subnet or VNI taken by a network created at the same time.
          StoreCalls.read(store, tx -> {
            NetworkAllocator.allocate(network.id(), network.spec(), pool(tx), tx.networks().list());
            return null;
          });
          throw new InvalidArgumentException("network " + network.spec().name()
              + " could not be allocated: another network took its subnet or VXLAN ID meanwhile");
        }
        NetworkObject now = (NetworkObject) o.object();
        if (now.allocated()) {
          return now;
        }
      }
    }
    log.warn("network {} ({}) is not allocated after {} s; is there a leader?", network.spec().name(),
        network.id(), ALLOCATION_WAIT.toSeconds());
    return network;
  }

  /**
   * {@code network rm}: refused in swarmkit's words while a service or a task uses the network;
   * then nothing changes.
   */
  public void remove(String ref) {
    StoreCalls.write(store, tx -> {
      NetworkObject n = find(tx, ref).orElseThrow(() -> notFound(ref));
      String user = ServiceNetworks.userOf(tx, n);
      if (user != null) {
        throw new InvalidArgumentException(user);
      }
      tx.networks().delete(n.id());
      return null;
    });
  }

  /**
   * The nodes with an endpoint on the network that other nodes reach (a task that has not ended,
   * a standalone container), each once: {@code network inspect -v}'s Peers, from the same rules
   * as the dispatcher's peer tables.
   */
  public List<SwarmNetworks.Peer> peers(NetworkObject n) {
    return StoreCalls.read(store, tx -> Endpoints.nodesOn(n.id(), tx.tasks().list(),
        tx.attachments().list(), tx.nodes().list())).stream()
        .map(node -> new SwarmNetworks.Peer(node.description().hostname(), Endpoints.vtep(node)))
        .toList();
  }

  /** {@code network inspect -v}'s Services: each service's VIP and reachable tasks on the network. */
  public List<NetworkServices.Service> services(NetworkObject n) {
    return StoreCalls.read(store, tx -> NetworkServices.of(tx, n));
  }

  /** Whether a service or a task uses the network. */
  public boolean inUse(NetworkObject n) {
    return StoreCalls.read(store, tx -> ServiceNetworks.userOf(tx, n) != null);
  }

  /** {@code network prune}: the unused swarm networks the filter accepts (never ingress); their names. */
  public List<String> prune(Predicate<NetworkObject> filter) {
    List<String> deleted = new ArrayList<>();
    try {
      store.update(tx -> {
        deleted.clear();
        for (NetworkObject n : tx.networks().list()) {
          if (!n.spec().ingress() && filter.test(n) && ServiceNetworks.userOf(tx, n) == null) {
            tx.networks().delete(n.id());
            deleted.add(n.spec().name());
          }
        }
        return null;
      });
    } catch (StoreException e) {
      throw StoreErrors.map(e);
    }
    return deleted;
  }
}
