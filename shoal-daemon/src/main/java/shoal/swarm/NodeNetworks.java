package shoal.swarm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import shoal.manager.store.objects.NetworkObject;

/**
 * The swarm networks this node has been told about (by the dispatcher, with a task or an
 * attachable container that needs them): what {@code network ls} and {@code network inspect} show
 * on a worker, where there is no store. Whoever instantiates the networks on the node keeps it up
 * to date ({@link #put} when a network is needed here, {@link #remove} when its last endpoint
 * left); managers show every swarm network from the store instead.
 */
public final class NodeNetworks {
  private final Map<String, NetworkObject> known = new ConcurrentHashMap<>();

  /** The node now uses the network (added, or replaced by a newer copy). */
  public void put(NetworkObject network) {
    known.put(network.id(), network);
  }

  /** The node no longer uses the network. */
  public void remove(String networkId) {
    known.remove(networkId);
  }

  /** Forgets every network (the node left the swarm). */
  public void clear() {
    known.clear();
  }

  /** The networks the node uses, by ID. */
  public List<NetworkObject> list() {
    List<NetworkObject> out = new ArrayList<>(known.values());
    out.sort(Comparator.comparing(NetworkObject::id));
    return out;
  }
}
