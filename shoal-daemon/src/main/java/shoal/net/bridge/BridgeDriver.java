package shoal.net.bridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.net.Endpoint;
import shoal.net.Network;
import shoal.net.link.IpBatch;
import shoal.net.link.IpException;
import shoal.net.link.IpRoute;
import shoal.net.link.IpRoute.LinkInfo;
import shoal.net.link.Sysctl;

/**
 * Bridge networks on the kernel: a Linux bridge holding the gateway address, and per endpoint a veth
 * pair from the bridge into the container's namespace. Knows nothing of containers or the cluster;
 * takes networks and endpoints as values.
 */
public final class BridgeDriver {
  private static final Logger log = LoggerFactory.getLogger(BridgeDriver.class);
  private static final Path SYS_CLASS_NET = Path.of("/sys/class/net");

  static final String OPT_ICC = "com.docker.network.bridge.enable_icc";

  private final IpRoute ip;
  private final Sysctl sysctl;

  public BridgeDriver(IpRoute ip, Sysctl sysctl) {
    this.ip = ip;
    this.sysctl = sysctl;
  }

  /** Whether a link of that name exists in the host's namespace (read from sysfs: no process). */
  public static boolean linkExists(String name) {
    return Files.exists(SYS_CLASS_NET.resolve(name));
  }

  /**
   * Makes the network's bridge exist, carry the gateway address and be up. {@code existing} is the
   * host's links by name, read once by the caller. A failure removes a bridge this call created.
   */
  public void ensureBridge(Network n, Map<String, LinkInfo> existing) {
    Network.BridgeSettings b = n.bridge();
    LinkInfo link = existing.get(b.device());
    String address = n.subnet().withPrefix(n.gateway());
    boolean created = false;
    if (link == null) {
      // On its own, so that a failure of this very step never leads to removing a bridge this
      // call did not make; one that appeared meanwhile is adopted.
      try {
        ip.apply(IpBatch.inHost().addBridge(b.device(), b.mac(), b.mtu()));
        created = true;
      } catch (IpException.Exists exists) {
        log.info("network {}: bridge {} exists already; adopting it", n.name(), b.device());
      }
    }
    IpBatch batch = IpBatch.inHost();
    if (link == null || !link.ipv4().contains(address) || !link.up()) {
      batch.replaceAddress(b.device(), address).up(b.device());
    }
    try {
      ip.apply(batch);
      // Published ports reached through 127.0.0.1 leave by the bridge with a loopback source.
      sysctl.ensureInterface(b.device(), "route_localnet", "1");
    } catch (RuntimeException e) {
      if (created) {
        removeBridgeAfterFailure(n, e);
      }
      throw e;
    }
    if (!batch.isEmpty()) {
      log.info("network {} ({}): bridge {} ready with {}", n.name(), n.id().substring(0, 12), b.device(), address);
    }
  }

  /** Removes the network's bridge; a missing one is fine. */
  public void removeBridge(Network n) {
    deleteLink(n.bridge().device());
  }

  private void removeBridgeAfterFailure(Network n, RuntimeException cause) {
    try {
      removeBridge(n);
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * Adds the steps joining an endpoint: the veth pair in {@code host} (its peer born inside the
   * container's namespace with its final name and MAC), the address and link state in {@code inside}.
   */
  public void join(Network n, Endpoint e, String netns, IpBatch host, IpBatch inside) {
    int mtu = n.bridge().mtu();
    host.addVethPair(e.hostVeth(), e.ifName(), e.mac(), netns, mtu);
    host.setMasterAndUp(e.hostVeth(), n.bridge().device());
    if ("false".equals(n.options().get(OPT_ICC))) {
      // Docker's icc=false: the containers reach the gateway (and through it the outside), never each other.
      host.line("link set dev " + e.hostVeth() + " type bridge_slave isolated on");
    }
    inside.addAddress(e.ifName(), n.subnet().withPrefix(e.ipv4()));
    inside.up(e.ifName());
  }

  /** Adds the default route through the network's gateway to a batch inside the namespace. */
  public void routeDefault(Network n, Endpoint e, IpBatch inside) {
    inside.replaceDefaultRoute(n.gateway().toString(), e.ifName());
  }

  /** Removes the endpoint's veth pair (deleting the host end takes the peer with it); missing is fine. */
  public void leave(Endpoint e) {
    if (e.hasLink()) {
      deleteLink(e.hostVeth());
    }
  }

  private void deleteLink(String name) {
    if (!linkExists(name)) {
      return;
    }
    try {
      ip.apply(IpBatch.inHost().deleteLink(name));
    } catch (IpException.NotFound gone) {
      // Went away meanwhile (its namespace was deleted): what was asked holds.
    }
  }
}
