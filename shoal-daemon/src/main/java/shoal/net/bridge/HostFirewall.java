package shoal.net.bridge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.net.Endpoint;
import shoal.net.Network;
import shoal.net.PortBinding;
import shoal.net.Sandbox;
import shoal.net.ipam.Ipv4Address;
import shoal.net.nft.HostRuleset;
import shoal.net.nft.Nft;

/**
 * Keeps {@code table ip shoal} equal to what the networks and sandboxes call for. Each sync renders
 * the whole table and replaces it in one transaction, skipping the process when the text is what
 * was applied last.
 */
public final class HostFirewall {
  private static final Logger log = LoggerFactory.getLogger(HostFirewall.class);

  private final Nft nft;
  // Guarded by this: the ruleset the kernel holds, null until the first sync of this run.
  private String applied;

  public HostFirewall(Nft nft) {
    this.nft = nft;
  }

  /** Makes the table match; throws (leaving the previous table in place) when nft refuses. */
  public synchronized void sync(Collection<Network> networks, Collection<Sandbox> sandboxes) {
    String wanted = HostRuleset.render(bridges(networks), ports(networks, sandboxes));
    if (wanted.equals(applied)) {
      return;
    }
    nft.replaceTable(HostRuleset.FAMILY, HostRuleset.TABLE, wanted);
    applied = wanted;
    log.debug("nft table {} {} replaced", HostRuleset.FAMILY, HostRuleset.TABLE);
  }

  /** Removes the table (for a daemon that gives up its networking). */
  public synchronized void remove() {
    nft.deleteTable(HostRuleset.FAMILY, HostRuleset.TABLE);
    applied = null;
  }

  static List<HostRuleset.Bridge> bridges(Collection<Network> networks) {
    return networks.stream()
        .filter(Network::bridgeDriver)
        .map(n -> new HostRuleset.Bridge(n.bridge().device(), n.subnet(), n.internal(), n.bridge().masquerade()))
        .toList();
  }

  static List<HostRuleset.Port> ports(Collection<Network> networks, Collection<Sandbox> sandboxes) {
    Map<String, Network> byId = networks.stream().collect(Collectors.toMap(Network::id, Function.identity()));
    List<HostRuleset.Port> out = new ArrayList<>();
    for (Sandbox b : sandboxes) {
      Endpoint target = publishingEndpoint(b, byId);
      if (target == null) {
        continue;
      }
      for (PortBinding p : b.ports()) {
        Ipv4Address hostIp = p.hostIp().isEmpty() ? null : Ipv4Address.parse(p.hostIp());
        out.add(new HostRuleset.Port(p.protocol(), hostIp, p.hostPort(), target.ipv4(), p.containerPort()));
      }
    }
    return out;
  }

  /**
   * The endpoint that receives a sandbox's published ports: its first on a bridge network with a
   * way out (Docker publishes nothing into internal networks). Null when it has none.
   */
  public static Endpoint publishingEndpoint(Sandbox b, Map<String, Network> networksById) {
    for (Endpoint e : b.endpoints()) {
      Network n = networksById.get(e.networkId());
      if (n != null && n.bridgeDriver() && !n.internal() && e.ipv4() != null) {
        return e;
      }
    }
    return null;
  }
}
