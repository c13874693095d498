package shoal.net;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import shoal.errors.InvalidArgumentException;
import shoal.net.ipam.Ipv4Address;

/**
 * Decides, without touching the kernel, which networks a container joins in which order and what
 * each endpoint gets: id, interface names, address and MAC.
 */
final class EndpointPlanner {
  static final String HOST_MODE_ERROR = "container cannot be disconnected from host network or connected to host network";
  static final String NONE_MODE_ERROR =
      "container cannot be connected to multiple networks with one of the networks in private (none) mode";
  private static final SecureRandom RANDOM = new SecureRandom();

  private EndpointPlanner() {}

  /** A new random 64-hex id, as Docker's object ids are. */
  static String newId() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** The network a NetworkMode names: bridge for "", "default" and "bridge", none, host, or the network itself. */
  static String modeNetwork(String mode) {
    if (mode == null || mode.isEmpty() || mode.equals("default")) {
      return "bridge";
    }
    return mode;
  }

  /**
   * The networks to join with their requests, the mode's network first and the others by name
   * (the first with a way out carries the default route and the published ports).
   *
   * @throws shoal.errors.NotFoundException a network does not exist
   * @throws InvalidArgumentException host or none mixed with other networks, in Docker's words
   */
  static Map<Network, EndpointSpec> order(SandboxSpec spec, Function<String, Network> find) {
    Network primary = find.apply(modeNetwork(spec.mode()));
    Map<Network, EndpointSpec> byNetwork = new LinkedHashMap<>();
    byNetwork.put(primary, EndpointSpec.defaults());
    List<Map.Entry<Network, EndpointSpec>> others = new ArrayList<>();
    for (Map.Entry<String, EndpointSpec> e : spec.endpoints().entrySet()) {
      Network n = find.apply(e.getKey());
      if (n.id().equals(primary.id())) {
        byNetwork.put(primary, e.getValue());
      } else {
        others.add(Map.entry(n, e.getValue()));
      }
    }
    others.sort(Comparator.comparing(e -> e.getKey().name()));
    others.forEach(e -> byNetwork.putIfAbsent(e.getKey(), e.getValue()));
    for (Network n : byNetwork.keySet()) {
      if (byNetwork.size() > 1 && n.driver().equals(Network.HOST)) {
        throw new InvalidArgumentException(HOST_MODE_ERROR);
      }
      if (byNetwork.size() > 1 && n.driver().equals(Network.NULL)) {
        throw new InvalidArgumentException(NONE_MODE_ERROR);
      }
    }
    return byNetwork;
  }

  /**
   * The endpoint on {@code n}: a fixed address when asked (only on networks with a user-given
   * subnet, as Docker rules), else the lowest free one; the MAC derived from the address unless given.
   */
  static Endpoint plan(Network n, EndpointSpec spec, Set<Ipv4Address> used, String ifName) {
    String id = newId();
    if (!n.bridgeDriver()) {
      if (spec.ipv4Address() != null && !spec.ipv4Address().isEmpty()) {
        throw new InvalidArgumentException("user specified IP address is supported on user defined networks only");
      }
      return new Endpoint(n.id(), id, "", "", null, "", spec.aliases());
    }
    Ipv4Address address;
    if (spec.ipv4Address() != null && !spec.ipv4Address().isEmpty()) {
      if (n.predefined()) {
        throw new InvalidArgumentException("user specified IP address is supported on user defined networks only");
      }
      if (!n.userSubnet()) {
        throw new InvalidArgumentException(
            "user specified IP address is supported only when connecting to networks with user configured subnets");
      }
      address = n.allocator().reserve(Ipv4Address.parse(spec.ipv4Address()), used);
    } else {
      address = n.allocator().allocate(used);
    }
    String mac = spec.macAddress() == null || spec.macAddress().isEmpty()
        ? address.dockerMac()
        : normaliseMac(spec.macAddress());
    return new Endpoint(n.id(), id, ifName, "veth" + id.substring(0, 11), address, mac, spec.aliases());
  }

  /**
   * The endpoint on an overlay network, with the address the swarm's managers gave; its MAC is
   * derived from the address, as every node derives it for its static entries.
   */
  static Endpoint planOverlay(Network n, Ipv4Address address, EndpointSpec spec, String ifName) {
    String id = newId();
    return new Endpoint(n.id(), id, ifName, "veth" + id.substring(0, 11), address, address.dockerMac(), spec.aliases());
  }

  /** The lowest ethN not used by the sandbox's endpoints. */
  static String nextIfName(List<Endpoint> existing) {
    for (int i = 0; ; i++) {
      String name = "eth" + i;
      if (existing.stream().noneMatch(e -> e.ifName().equals(name))) {
        return name;
      }
    }
  }

  static String normaliseMac(String mac) {
    if (!mac.matches("(?i)([0-9a-f]{2}:){5}[0-9a-f]{2}")) {
      throw new InvalidArgumentException("invalid MAC address: " + mac);
    }
    if ((Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0) {
      throw new InvalidArgumentException("invalid MAC address: " + mac + " is a multicast address");
    }
    return mac.toLowerCase(java.util.Locale.ROOT);
  }
}
