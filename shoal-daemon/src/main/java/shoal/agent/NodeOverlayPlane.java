package shoal.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.manager.store.objects.NetworkObject;
import shoal.net.Network;
import shoal.net.OverlayAttacher;
import shoal.net.OverlayEndpoints;
import shoal.net.ipam.Ipv4Address;
import shoal.net.ipam.Ipv4Subnet;
import shoal.net.overlay.RemotePeer;
import shoal.swarm.NodeNetworks;

/**
 * The node's overlay data plane as its session sees it: turns the swarm's networks and peers into
 * the local network side's values ({@link OverlayEndpoints}), keeps what {@code network ls} shows on
 * this node ({@link NodeNetworks}: the networks the session gave and those the node's containers
 * use), makes docker_gwbridge once the node is in a swarm, and lends the managers' attachments to
 * standalone containers ({@link #attacher}).
 */
public final class NodeOverlayPlane implements OverlayPlane {
  private static final Logger log = LoggerFactory.getLogger(NodeOverlayPlane.class);

  private final OverlayEndpoints overlays;
  private final NodeNetworks shown;
  private final Runnable gatewayBridge;
  // Every swarm network this node was told of, by ID: what NodeNetworks shows is chosen from here.
  private final Map<String, NetworkObject> objects = new ConcurrentHashMap<>();
  private volatile Supplier<NetworkAttacher> attacher = () -> NetworkAttacher.NONE;

  /**
   * @param gatewayBridge makes docker_gwbridge if missing (the node is in a swarm from now on)
   */
  public NodeOverlayPlane(OverlayEndpoints overlays, NodeNetworks shown, Runnable gatewayBridge) {
    this.overlays = overlays;
    this.shown = shown;
    this.gatewayBridge = gatewayBridge;
  }

  /**
   * Wires the swarm side: the managers' attachments and this node's VTEP (its advertise address,
   * empty outside a swarm).
   */
  public void connect(Supplier<NetworkAttacher> attacher, Supplier<String> localVtep) {
    this.attacher = attacher;
    overlays.connectSwarm(new Attachments(), localVtep, this::refreshShown);
  }

  @Override
  public void networks(boolean full, List<NetworkObject> networks, List<String> removed) {
    if (full) {
      try {
        gatewayBridge.run();
      } catch (RuntimeException e) {
        log.warn("cannot make docker_gwbridge: {}", e.getMessage());
      }
    }
    List<Network> local = new ArrayList<>();
    for (NetworkObject n : networks) {
      if (!n.allocated()) {
        log.warn("network {} ({}) arrived unallocated; ignored", n.spec().name(), n.id());
        continue;
      }
      objects.put(n.id(), n);
      local.add(toLocal(n));
    }
    overlays.networks(full, local, removed);
    removed.forEach(shown::forgetPeers);
  }

  @Override
  public void peers(String networkId, boolean full, List<OverlayPeer> upserted, List<String> removedEndpointIds) {
    Map<String, RemotePeer> byEndpoint = new LinkedHashMap<>();
    for (OverlayPeer p : upserted) {
      byEndpoint.put(p.endpointId(), new RemotePeer(p.ip(), p.mac(), p.vtep()));
    }
    shown.peers(networkId, full, upserted, removedEndpointIds);
    try {
      overlays.peers(networkId, full, byEndpoint, removedEndpointIds);
    } catch (RuntimeException e) {
      log.warn("network {}: cannot program peers: {}", networkId, e.getMessage());
    }
  }

  /** NodeNetworks := the networks the node uses now. */
  private void refreshShown() {
    Set<String> using = overlays.inUse();
    for (NetworkObject n : shown.list()) {
      if (!using.contains(n.id())) {
        shown.remove(n.id());
      }
    }
    for (String id : using) {
      NetworkObject n = objects.get(id);
      if (n != null) {
        shown.put(n);
      }
    }
  }

  /** The node's instance of a swarm network: its allocation, its flags, its VXLAN ID among its options. */
  public static Network toLocal(NetworkObject n) {
    NetworkObject.Allocation a = n.allocation();
    Ipv4Subnet subnet = Ipv4Subnet.parse(a.subnet());
    Map<String, String> options = new LinkedHashMap<>(n.spec().options());
    options.put(Network.VXLANID_LIST, Integer.toString(a.vxlanId()));
    Instant created = n.meta().createdAt() == null ? Instant.EPOCH : n.meta().createdAt();
    return new Network(n.id(), n.spec().name(), Network.OVERLAY, created.toString(), n.spec().internal(),
        n.spec().attachable(), subnet, Ipv4Address.parse(a.gateway()),
        a.ipRange().isEmpty() ? null : Ipv4Subnet.parse(a.ipRange()), !n.spec().ipam().subnet().isEmpty(),
        Map.of(), Map.of(), options, n.spec().labels(), null, false);
  }

  /** The address part of {@code 10.0.1.5/24}. */
  static Ipv4Address addressOf(String cidr) {
    int slash = cidr.indexOf('/');
    return Ipv4Address.parse(slash < 0 ? cidr : cidr.substring(0, slash));
  }

  /** The managers' attachments, in the network side's terms. */
  private final class Attachments implements OverlayAttacher {
    @Override
    public Attached attach(String networkRef, String containerId) {
      TaskNetwork t = attacher.get().attach(networkRef, containerId);
      objects.put(t.network().id(), t.network());
      return new Attached(toLocal(t.network()), addressOf(t.address()));
    }

    @Override
    public void detach(String containerId, String networkId) {
      attacher.get().detach(containerId, networkId);
    }
  }
}
