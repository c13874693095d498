package shoal.net.overlay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.net.Endpoint;
import shoal.net.link.BridgeBatch;
import shoal.net.link.BridgeTool;
import shoal.net.link.IpBatch;
import shoal.net.link.IpException;
import shoal.net.link.IpRoute;
import shoal.net.link.IpRoute.LinkInfo;

/**
 * Overlay networks on the kernel (DESIGN §3's fast path): per network a sandbox namespace
 * {@code ov-<network id, 12>} holding a bridge {@code br0} with the gateway address and a kernel
 * VXLAN device {@code vxlan0} (made in the host namespace, where its UDP socket lives, with
 * learning off, then moved in); a container joins through a veth from {@code br0} to its own
 * namespace; remote endpoints are static forwarding and neighbour entries, so nothing floods.
 *
 * <p>Knows nothing of the cluster: takes segments, endpoints and peers as values. Every method is
 * idempotent, and a failure half-way undoes what the call made.
 */
public final class OverlayDriver {
  /** ARP retransmission on containers' overlay interfaces (the kernel's default is 1000). */
  static final int ARP_RETRANS_MS = 100;

  private static final Logger log = LoggerFactory.getLogger(OverlayDriver.class);
  public static final String SANDBOX_PREFIX = "ov-";
  public static final String BRIDGE = "br0";
  public static final String VXLAN = "vxlan0";
  public static final int VXLAN_PORT = 4789;
  /** VXLAN's own headers over IPv4: outer IP 20, UDP 8, VXLAN 8, inner Ethernet 14. */
  public static final int VXLAN_OVERHEAD = 50;
  private static final Path NETNS_DIR = Path.of("/run/netns");

  private final IpRoute ip;
  private final BridgeTool bridge;

  public OverlayDriver(IpRoute ip, BridgeTool bridge) {
    this.ip = ip;
    this.bridge = bridge;
  }

  public static String sandboxName(String networkId) {
    return SANDBOX_PREFIX + networkId.substring(0, Math.min(12, networkId.length()));
  }

  public boolean exists(String networkId) {
    return Files.exists(NETNS_DIR.resolve(sandboxName(networkId)));
  }

  /** Names of the overlay sandboxes that exist on this host. */
  public List<String> sandboxes() {
    try (var s = Files.list(NETNS_DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(SANDBOX_PREFIX)).sorted().toList();
    } catch (java.io.IOException e) {
      return List.of();
    }
  }

  /**
   * Makes the segment's sandbox exist with its bridge and VXLAN device, and its entries equal to
   * {@code peers} (null: leave the entries as they are). One that exists already is adopted as it is (its containers keep their links);
   * a missing part of it is made again. A sandbox this call created is removed when a step fails.
   *
   * @param localVtep this node's address on the underlay, the VXLAN device's source
   */
  public void ensureSandbox(OverlaySegment s, String localVtep, Collection<RemotePeer> peers) {
    String ns = sandboxName(s.networkId());
    boolean created = !exists(s.networkId());
    try {
      if (created) {
        create(s, localVtep);
      } else {
        repair(s, localVtep);
      }
      if (peers != null) {
        resyncPeers(s.networkId(), peers);
      }
    } catch (RuntimeException e) {
      if (created) {
        try {
          removeSandbox(s.networkId());
        } catch (RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw e;
    }
    if (created) {
      log.info("overlay {}: sandbox {} up (vni {}, {} on {}, vtep {}, mtu {}, {} peers)", short12(s.networkId()), ns,
          s.vni(), s.subnet().withPrefix(s.gateway()), BRIDGE, localVtep, s.mtu(), peers == null ? "unknown" : peers.size());
    }
  }

  private void create(OverlaySegment s, String localVtep) {
    String ns = sandboxName(s.networkId());
    String temp = "vx-" + short12(s.networkId());
    IpBatch host = IpBatch.inHost().addNetns(ns).addVxlan(temp, s.vni(), localVtep, VXLAN_PORT).moveLink(temp, ns, VXLAN);
    try {
      ip.apply(host);
    } catch (RuntimeException e) {
      // The VXLAN device may be left in the host if the move failed.
      if (Files.exists(Path.of("/sys/class/net", temp))) {
        try {
          ip.apply(IpBatch.inHost().deleteLink(temp));
        } catch (RuntimeException cleanup) {
          e.addSuppressed(cleanup);
        }
      }
      throw e;
    }
    IpBatch inside = IpBatch.in(ns).up("lo");
    addBridge(inside, s);
    inside.setMtuMasterAndUp(VXLAN, s.mtu(), BRIDGE);
    ip.apply(inside);
  }

  private static void addBridge(IpBatch inside, OverlaySegment s) {
    // A fixed MAC: a bridge takes its ports' lowest otherwise, which changes as containers come and go.
    inside.addBridge(BRIDGE, s.gateway().dockerMac(), s.mtu())
        .addAddress(BRIDGE, s.subnet().withPrefix(s.gateway()))
        .up(BRIDGE);
  }

  /** Makes again what is missing from an existing sandbox; touches nothing that is there. */
  private void repair(OverlaySegment s, String localVtep) {
    String ns = sandboxName(s.networkId());
    Map<String, LinkInfo> links = ip.links(ns).stream()
        .collect(Collectors.toMap(LinkInfo::name, Function.identity(), (a, b) -> a));
    IpBatch inside = IpBatch.in(ns);
    LinkInfo br = links.get(BRIDGE);
    if (br == null) {
      inside.up("lo");
      addBridge(inside, s);
    } else if (!br.up() || !br.ipv4().contains(s.subnet().withPrefix(s.gateway()))) {
      inside.replaceAddress(BRIDGE, s.subnet().withPrefix(s.gateway())).up(BRIDGE);
    }
    LinkInfo vx = links.get(VXLAN);
    if (vx == null) {
      String temp = "vx-" + short12(s.networkId());
      ip.apply(IpBatch.inHost().addVxlan(temp, s.vni(), localVtep, VXLAN_PORT).moveLink(temp, ns, VXLAN));
    }
    if (vx == null || !vx.up() || !BRIDGE.equals(vx.master())) {
      inside.setMtuMasterAndUp(VXLAN, s.mtu(), BRIDGE);
    }
    if (!inside.isEmpty()) {
      ip.apply(inside);
      log.info("overlay {}: sandbox {} repaired: {}", short12(s.networkId()), ns, inside);
    }
  }

  /**
   * Removes the sandbox: the VXLAN device first (so that its VNI is free at once, not when the
   * kernel gets round to freeing the namespace), then the namespace with the bridge and the veths.
   */
  public void removeSandbox(String networkId) {
    String ns = sandboxName(networkId);
    if (!exists(networkId)) {
      return;
    }
    try {
      ip.apply(IpBatch.in(ns).deleteLink(VXLAN));
    } catch (IpException.NotFound gone) {
      // Never made, or gone: what was asked holds.
    }
    try {
      ip.apply(IpBatch.inHost().deleteNetns(ns));
    } catch (IpException.NotFound gone) {
      // Removed meanwhile.
    }
    log.info("overlay {}: sandbox {} removed", short12(networkId), ns);
  }

  /**
   * Adds the steps joining an endpoint: in {@code sandbox} (the batch of {@link #sandboxName}) the
   * veth pair whose peer is born in the container's namespace with its final name and MAC, then
   * put on the bridge; in {@code inside} the address and link state.
   */
  public void join(OverlaySegment s, Endpoint e, String containerNetns, IpBatch sandbox, IpBatch inside) {
    sandbox.addVethPair(e.hostVeth(), e.ifName(), e.mac(), containerNetns, s.mtu());
    sandbox.setMasterAndUp(e.hostVeth(), BRIDGE);
    inside.addAddress(e.ifName(), s.subnet().withPrefix(e.ipv4()));
    // Every neighbour here is answered at once by the sandbox's ARP proxy, or not at all (a peer
    // not yet pushed): a resolution that started before the peer arrived then retries within
    // ARP_RETRANS_MS, not the kernel's second.
    inside.neighbourRetransmit(e.ifName(), ARP_RETRANS_MS);
    inside.up(e.ifName());
  }

  /** Removes the endpoint's veth pair (from the sandbox's end); a missing one is fine. */
  public void leave(String networkId, Endpoint e) {
    if (!e.hasLink() || !exists(networkId)) {
      return;
    }
    try {
      ip.apply(IpBatch.in(sandboxName(networkId)).deleteLink(e.hostVeth()));
    } catch (IpException.NotFound gone) {
      // Went with the container's namespace.
    }
  }

  /** Whether the endpoint's veth is in the sandbox (read from the kernel). */
  public boolean hasLink(String networkId, Endpoint e) {
    return exists(networkId) && ip.links(sandboxName(networkId)).stream().anyMatch(l -> l.name().equals(e.hostVeth()));
  }

  /**
   * Sets (or replaces, for a peer that moved) the entries of these peers; nothing is read first,
   * so that a new endpoint costs two processes per sandbox.
   */
  public void putPeers(String networkId, Collection<RemotePeer> peers) {
    if (peers.isEmpty() || !exists(networkId)) {
      return;
    }
    String ns = sandboxName(networkId);
    IpBatch neigh = IpBatch.in(ns);
    BridgeBatch fdb = BridgeBatch.in(ns);
    for (RemotePeer p : peers) {
      fdb.replaceRemote(p.mac(), VXLAN, p.vtep());
      neigh.replaceNeighbour(p.ip(), p.mac(), VXLAN);
    }
    // Forwarding first: a neighbour entry makes senders use the MAC at once.
    bridge.apply(fdb);
    ip.apply(neigh);
  }

  /**
   * Makes the sandbox's static entries exactly {@code peers}: reads what the kernel holds and
   * changes only the difference (entries of peers gone, of new or moved peers, and strays).
   */
  public void resyncPeers(String networkId, Collection<RemotePeer> peers) {
    if (!exists(networkId)) {
      return;
    }
    String ns = sandboxName(networkId);
    PeerDiff d = PeerDiff.between(ip.permanentNeighbours(ns, VXLAN), bridge.remoteEntries(ns, VXLAN), peers);
    if (d.isEmpty()) {
      return;
    }
    IpBatch neigh = IpBatch.in(ns);
    BridgeBatch fdb = BridgeBatch.in(ns);
    d.deleteIps().forEach(a -> neigh.deleteNeighbour(a, VXLAN));
    d.deleteMacs().forEach(m -> fdb.deleteRemote(m, VXLAN));
    for (RemotePeer p : d.put()) {
      fdb.replaceRemote(p.mac(), VXLAN, p.vtep());
      neigh.replaceNeighbour(p.ip(), p.mac(), VXLAN);
    }
    // Neighbours of gone peers first: nothing is sent to a MAC whose forwarding entry is gone.
    ip.apply(neigh);
    bridge.apply(fdb);
    log.debug("overlay {}: peers set: {} put, {} macs and {} ips removed", short12(networkId),
        d.put().size(), d.deleteMacs().size(), d.deleteIps().size());
  }

  static String short12(String id) {
    return id.substring(0, Math.min(12, id.length()));
  }
}
