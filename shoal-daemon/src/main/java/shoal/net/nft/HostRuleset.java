package shoal.net.nft;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import shoal.net.ipam.Ipv4Address;
import shoal.net.ipam.Ipv4Subnet;

/**
 * The host namespace's {@code table ip shoal}, rendered from the desired state alone: the bridge
 * networks and the published ports. Output is sorted, so equal states give equal text (which is
 * how the caller knows there is nothing to apply, and what the golden files compare).
 *
 * <ul>
 *   <li>published ports: DNAT in prerouting (other hosts) and output (the host itself, also via
 *       127.0.0.1, which needs route_localnet on the bridges and the masquerade below);
 *   <li>egress: masquerade of a network's subnet leaving by another interface, unless the network
 *       is internal or has masquerading turned off;
 *   <li>isolation: a bridge network forwards nothing to another bridge network, except for
 *       connections to published ports; an internal network forwards nothing in or out.
 * </ul>
 */
public final class HostRuleset {
  public static final String FAMILY = "ip";
  public static final String TABLE = "shoal";

  // Hook priorities as numbers: nft 1.0.6 refuses the names (dstnat, srcnat) in some places.
  private static final int DSTNAT = -100;
  private static final int SRCNAT = 100;
  private static final int FILTER = 0;

  private HostRuleset() {}

  /** A bridge network as the firewall sees it. */
  public record Bridge(String device, Ipv4Subnet subnet, boolean internal, boolean masquerade) {}

  /**
   * A published port.
   *
   * @param hostIp the local address it is published on, null for every local address
   */
  public record Port(String protocol, Ipv4Address hostIp, int hostPort, Ipv4Address target, int targetPort) {}

  public static String render(List<Bridge> bridges, List<Port> ports) {
    List<Bridge> bs = bridges.stream().sorted(Comparator.comparing(Bridge::device)).toList();
    List<Port> ps = ports.stream()
        .sorted(Comparator.comparing(Port::protocol)
            .thenComparingInt(Port::hostPort)
            .thenComparing(p -> p.hostIp() == null ? "" : p.hostIp().toString()))
        .toList();
    StringBuilder t = new StringBuilder();
    t.append("table ").append(FAMILY).append(' ').append(TABLE).append(" {\n");

    t.append("\tset bridges {\n\t\ttype ifname\n");
    if (!bs.isEmpty()) {
      t.append("\t\telements = { ")
          .append(bs.stream().map(b -> quote(b.device())).collect(Collectors.joining(", ")))
          .append(" }\n");
    }
    t.append("\t}\n\n");

    chain(t, "prerouting", "nat", "prerouting", DSTNAT);
    t.append("\t\tfib daddr type local jump published\n\t}\n\n");
    chain(t, "output", "nat", "output", DSTNAT);
    t.append("\t\tfib daddr type local jump published\n\t}\n\n");

    t.append("\tchain published {\n");
    for (Port p : ps) {
      t.append("\t\t");
      if (p.hostIp() != null) {
        t.append("ip daddr ").append(p.hostIp()).append(' ');
      }
      t.append(p.protocol()).append(" dport ").append(p.hostPort())
          .append(" dnat to ").append(p.target()).append(':').append(p.targetPort()).append('\n');
    }
    t.append("\t}\n\n");

    chain(t, "postrouting", "nat", "postrouting", SRCNAT);
    t.append("\t\tip saddr 127.0.0.0/8 oifname @bridges masquerade\n");
    for (Bridge b : bs) {
      String dev = quote(b.device());
      t.append("\t\tiifname ").append(dev).append(" oifname ").append(dev).append(" ct status dnat masquerade\n");
      if (!b.internal() && b.masquerade()) {
        t.append("\t\tip saddr ").append(b.subnet()).append(" oifname != ").append(dev).append(" masquerade\n");
      }
    }
    t.append("\t}\n\n");

    chain(t, "forward", "filter", "forward", FILTER);
    for (Bridge b : bs) {
      if (b.internal()) {
        String dev = quote(b.device());
        t.append("\t\tiifname ").append(dev).append(" oifname != ").append(dev).append(" drop\n");
        t.append("\t\toifname ").append(dev).append(" iifname != ").append(dev).append(" drop\n");
      }
    }
    t.append("\t\tct status dnat accept\n");
    for (Bridge b : bs) {
      if (!b.internal()) {
        String dev = quote(b.device());
        t.append("\t\tiifname ").append(dev).append(" oifname @bridges oifname != ").append(dev).append(" drop\n");
      }
    }
    t.append("\t}\n}\n");
    return t.toString();
  }

  private static void chain(StringBuilder t, String name, String type, String hook, int priority) {
    t.append("\tchain ").append(name).append(" {\n\t\ttype ").append(type).append(" hook ").append(hook)
        .append(" priority ").append(priority).append("; policy accept;\n");
  }

  private static String quote(String device) {
    return "\"" + device + "\"";
  }
}
