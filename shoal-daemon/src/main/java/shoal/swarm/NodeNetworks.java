package shoal.swarm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import shoal.agent.OverlayPeer;
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
  // network ID -> endpoint ID -> the remote endpoint, as the session's peer tables say.
  private final Map<String, Map<String, OverlayPeer>> peers = new ConcurrentHashMap<>();

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
    peers.clear();
  }

  /** Follows one peer update of the session (full: {@code upserted} is the whole table). */
  public void peers(String networkId, boolean full, List<OverlayPeer> upserted, List<String> removed) {
    peers.compute(networkId, (id, had) -> {
      Map<String, OverlayPeer> table = had == null || full ? new LinkedHashMap<>() : new LinkedHashMap<>(had);
      removed.forEach(table::remove);
      upserted.forEach(p -> table.put(p.endpointId(), p));
      return table;
    });
  }

  /** The node no longer knows the network: its peers go with it. */
  public void forgetPeers(String networkId) {
    peers.remove(networkId);
  }

  /**
   * The other nodes taking part in the network, as {@code network inspect -v} names them on a
   * worker: hostname → address, each node once, sorted by hostname.
   */
  public Map<String, String> peerNodes(String networkId) {
    Map<String, String> out = new TreeMap<>();
    peers.getOrDefault(networkId, Map.of()).values().forEach(p -> out.put(p.nodeName(), p.vtep()));
    return out;
  }

  /** The networks the node uses, by ID. */
  public List<NetworkObject> list() {
    List<NetworkObject> out = new ArrayList<>(known.values());
    out.sort(Comparator.comparing(NetworkObject::id));
    return out;
  }
}
