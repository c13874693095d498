package shoal.manager.dispatcher;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import shoal.agent.OverlayPeer;
import shoal.manager.store.StoreEvent;
import shoal.manager.store.objects.NetworkObject;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.StoreObject;
import shoal.proto.NetworkAttachments;
import shoal.proto.NetworkPeers;
import shoal.proto.PeerUpdates;

/**
 * Which swarm networks each node is to know and, per network, its peer table: the endpoints
 * (tasks, standalone containers' attachments) other nodes host on it, with their nodes' VXLAN
 * tunnel endpoints (rules: {@link Endpoints}). Kept from the store's events; what each node with a
 * session was last sent is remembered, so that a change costs messages only to the nodes it
 * concerns, and those carry only the difference. A node whose session opens gets it all ({@link
 * #full}).
 *
 * <p>Order, per node, within one drain: networks added, then (the caller's) task assignments,
 * then peers, then networks removed; so a network arrives before what needs it and leaves after.
 *
 * <p>Used by the dispatcher's loop thread only.
 */
final class NetworkDistribution {
  /** What one node is to be sent, each part null when there is nothing. */
  record Changes(NetworkAttachments added, PeerUpdates peers, NetworkAttachments removed) {}

  /** What a node was last sent: network ID → its version, and network ID → its peer table. */
  private record Sent(Map<String, Long> networks, Map<String, Map<String, OverlayPeer>> peers) {}

  // The store, as far as distribution needs it. Only allocated networks count.
  private final Map<String, NetworkObject> networks = new HashMap<>();
  private final Map<String, NodeObject> nodes = new HashMap<>();
  private final Map<String, Endpoints.Owner> owners = new HashMap<>();
  // Indexes over owners.
  private final Map<String, Set<String>> ownersByNetwork = new HashMap<>();
  private final Map<String, Set<String>> ownersByNode = new HashMap<>();
  // Nodes with a session → what they were sent.
  private final Map<String, Sent> sent = new HashMap<>();
  private final Set<String> dirtyNodes = new HashSet<>();
  private final Set<String> dirtyNetworks = new HashSet<>();

  /** The network, if it is allocated (what tasks' assignments may carry). */
  NetworkObject network(String id) {
    return networks.get(id);
  }

  /** Starts from the store's objects (nothing sent: each node gets it all when it registers). */
  void load(Collection<?> objects) {
    networks.clear();
    nodes.clear();
    owners.clear();
    ownersByNetwork.clear();
    ownersByNode.clear();
    sent.clear();
    dirtyNodes.clear();
    dirtyNetworks.clear();
    for (Object o : objects) {
      switch (o) {
        case NetworkObject n when n.allocated() -> networks.put(n.id(), n);
        case NodeObject n -> nodes.put(n.id(), n);
        case StoreObject s -> {
          Endpoints.Owner owner = Endpoints.of(s);
          if (owner != null) {
            index(owner);
          }
        }
        default -> { }
      }
    }
  }

  /** Follows one store event. */
  void apply(StoreEvent e) {
    if (!(e instanceof StoreEvent.ObjectEvent oe)) {
      return;
    }
    StoreObject now = e instanceof StoreEvent.Deleted ? null : oe.object();
    switch (oe.object()) {
      case NetworkObject n -> network(n.id(), (NetworkObject) now);
      case NodeObject n -> node(n.id(), (NodeObject) now);
      default -> owner(oe.object().id(), now == null ? null : Endpoints.of(now));
    }
  }

  private void network(String id, NetworkObject now) {
    NetworkObject next = now != null && now.allocated() ? now : null;
    NetworkObject before = next == null ? networks.remove(id) : networks.put(id, next);
    if (Objects.equals(before, next)) {
      return;
    }
    dirtyNetworks.add(id);
    if (ingress(before) || ingress(next)) {
      dirtyNodes.addAll(sent.keySet());
    }
    for (String o : ownersByNetwork.getOrDefault(id, Set.of())) {
      dirtyNodes.add(owners.get(o).nodeId());
    }
  }

  private void node(String id, NodeObject now) {
    NodeObject before = now == null ? nodes.remove(id) : nodes.put(id, now);
    if (now == null) {
      sent.remove(id);
    }
    if (Objects.equals(Endpoints.vtep(before), Endpoints.vtep(now))
        && Endpoints.hostname(before).equals(Endpoints.hostname(now))) {
      return;
    }
    for (String o : ownersByNode.getOrDefault(id, Set.of())) {
      dirtyNetworks.addAll(owners.get(o).addresses().keySet());
    }
  }

  private void owner(String id, Endpoints.Owner now) {
    Endpoints.Owner before = owners.get(id);
    if (Objects.equals(before, now)) {
      return;
    }
    if (before != null) {
      unindex(before);
    }
    if (now != null) {
      index(now);
    }
  }

  private void index(Endpoints.Owner o) {
    owners.put(o.id(), o);
    ownersByNode.computeIfAbsent(o.nodeId(), k -> new HashSet<>()).add(o.id());
    o.addresses().keySet().forEach(n -> ownersByNetwork.computeIfAbsent(n, k -> new HashSet<>()).add(o.id()));
    touched(o);
  }

  private void unindex(Endpoints.Owner o) {
    owners.remove(o.id());
    removeFrom(ownersByNode, o.nodeId(), o.id());
    o.addresses().keySet().forEach(n -> removeFrom(ownersByNetwork, n, o.id()));
    touched(o);
  }

  private void touched(Endpoints.Owner o) {
    dirtyNodes.add(o.nodeId());
    dirtyNetworks.addAll(o.addresses().keySet());
  }

  private static void removeFrom(Map<String, Set<String>> index, String key, String id) {
    Set<String> s = index.get(key);
    if (s != null && s.remove(id) && s.isEmpty()) {
      index.remove(key);
    }
  }

  // ---------------------------------------------------------------- what nodes are sent

  /**
   * Everything {@code nodeId} is to know, for a new session: its networks (full) and their whole
   * peer tables; from then on {@link #drain} sends it only changes, until {@link #forget}.
   */
  Changes full(String nodeId) {
    Sent s = new Sent(new HashMap<>(), new HashMap<>());
    sent.put(nodeId, s);
    NetworkAttachments.Builder nets = NetworkAttachments.newBuilder().setFull(true);
    PeerUpdates.Builder peers = PeerUpdates.newBuilder();
    for (String id : needs(nodeId)) {
      NetworkObject n = networks.get(id);
      nets.addNetworks(NetworkProtos.toProto(n));
      s.networks().put(id, n.meta().version());
      Map<String, OverlayPeer> table = table(id, nodeId);
      s.peers().put(id, table);
      peers.addNetworks(NetworkPeers.newBuilder().setNetworkId(id).setFull(true)
          .addAllUpserted(table.values().stream().map(NetworkProtos::toProto).toList()));
    }
    return new Changes(nets.build(), peers.getNetworksCount() == 0 ? null : peers.build(), null);
  }

  /** The node's session ended: it gets everything again with its next one. */
  void forget(String nodeId) {
    sent.remove(nodeId);
  }

  /** The nodes with a session whose networks or peers changed since the last call, and how. */
  Map<String, Changes> drain() {
    if (dirtyNodes.isEmpty() && dirtyNetworks.isEmpty()) {
      return Map.of();
    }
    Map<String, Changes> out = new HashMap<>();
    sent.forEach((nodeId, s) -> {
      Changes c = changes(nodeId, s);
      if (c != null) {
        out.put(nodeId, c);
      }
    });
    dirtyNodes.clear();
    dirtyNetworks.clear();
    return out;
  }

  private Changes changes(String nodeId, Sent s) {
    boolean recompute = dirtyNodes.contains(nodeId)
        || s.networks().keySet().stream().anyMatch(dirtyNetworks::contains);
    Set<String> needs = recompute ? needs(nodeId) : new TreeSet<>(s.networks().keySet());
    NetworkAttachments.Builder added = NetworkAttachments.newBuilder();
    NetworkAttachments.Builder removed = NetworkAttachments.newBuilder();
    PeerUpdates.Builder peers = PeerUpdates.newBuilder();
    for (String id : List.copyOf(s.networks().keySet())) {
      if (!needs.contains(id)) {
        removed.addRemoved(id);
        s.networks().remove(id);
        s.peers().remove(id);
      }
    }
    for (String id : needs) {
      NetworkObject n = networks.get(id);
      Long version = s.networks().get(id);
      if (version == null) {
        added.addNetworks(NetworkProtos.toProto(n));
        s.networks().put(id, n.meta().version());
        Map<String, OverlayPeer> table = table(id, nodeId);
        s.peers().put(id, table);
        peers.addNetworks(NetworkPeers.newBuilder().setNetworkId(id).setFull(true)
            .addAllUpserted(table.values().stream().map(NetworkProtos::toProto).toList()));
        continue;
      }
      if (version != n.meta().version()) {
        added.addNetworks(NetworkProtos.toProto(n));
        s.networks().put(id, n.meta().version());
      }
      if (dirtyNetworks.contains(id)) {
        NetworkPeers diff = diff(id, s.peers().get(id), table(id, nodeId));
        if (diff != null) {
          peers.addNetworks(diff);
        }
      }
    }
    if (added.getNetworksCount() == 0 && removed.getRemovedCount() == 0 && peers.getNetworksCount() == 0) {
      return null;
    }
    return new Changes(added.getNetworksCount() == 0 ? null : added.build(),
        peers.getNetworksCount() == 0 ? null : peers.build(),
        removed.getRemovedCount() == 0 ? null : removed.build());
  }

  /** Turns {@code had} into {@code now} and says how; null when they are the same. */
  private static NetworkPeers diff(String networkId, Map<String, OverlayPeer> had, Map<String, OverlayPeer> now) {
    NetworkPeers.Builder b = NetworkPeers.newBuilder().setNetworkId(networkId);
    for (String id : List.copyOf(had.keySet())) {
      if (!now.containsKey(id)) {
        b.addRemoved(id);
        had.remove(id);
      }
    }
    now.forEach((id, p) -> {
      if (!p.equals(had.get(id))) {
        b.addUpserted(NetworkProtos.toProto(p));
        had.put(id, p);
      }
    });
    return b.getUpsertedCount() == 0 && b.getRemovedCount() == 0 ? null : b.build();
  }

  private static boolean ingress(NetworkObject n) {
    return n != null && n.spec().ingress();
  }

  /**
   * The allocated networks the node's tasks and attachments hold, and ingress, sorted by ID. Every
   * node of a swarm knows ingress (its `network ls` shows it, as Docker's does); the node makes no
   * sandbox for it until an endpoint needs one.
   */
  Set<String> needs(String nodeId) {
    Set<String> out = new TreeSet<>();
    networks.values().stream().filter(NetworkDistribution::ingress).forEach(n -> out.add(n.id()));
    for (String o : ownersByNode.getOrDefault(nodeId, Set.of())) {
      Endpoints.Owner owner = owners.get(o);
      if (owner.holdsNetworks()) {
        owner.addresses().keySet().stream().filter(networks::containsKey).forEach(out::add);
      }
    }
    return out;
  }

  /** The network's reachable endpoints hosted by nodes other than {@code nodeId}, by endpoint ID. */
  Map<String, OverlayPeer> table(String networkId, String nodeId) {
    Map<String, OverlayPeer> out = new LinkedHashMap<>();
    for (String o : new TreeSet<>(ownersByNetwork.getOrDefault(networkId, Set.of()))) {
      Endpoints.Owner owner = owners.get(o);
      if (!owner.reachable() || owner.nodeId().equals(nodeId)) {
        continue;
      }
      String vtep = Endpoints.vtep(nodes.get(owner.nodeId()));
      if (vtep != null) {
        out.put(o, Endpoints.peer(owner, networkId, vtep, Endpoints.hostname(nodes.get(owner.nodeId()))));
      }
    }
    return out;
  }
}
