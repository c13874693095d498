package shoal.net;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import shoal.errors.ConflictException;
import shoal.errors.ForbiddenException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.UnavailableException;
import shoal.net.ipam.AddressPools;
import shoal.net.ipam.Ipv4Address;
import shoal.net.ipam.Ipv4Subnet;

/**
 * Turns a create request into a {@link Network}, checking everything first, so that a bad request
 * changes nothing anywhere. Pure: the existing networks and the host's routes are given.
 */
final class NetworkPlanner {
  static final Set<String> PREDEFINED = Set.of("bridge", "host", "none");
  static final String OPT_BRIDGE_NAME = "com.docker.network.bridge.name";
  static final String OPT_MASQUERADE = "com.docker.network.bridge.enable_ip_masquerade";
  static final String OPT_MTU = "com.docker.network.driver.mtu";
  static final String DEFAULT_BRIDGE = "shoal0";

  // Docker's RestrictedNameChars, allowing one-character names as Docker's networks do.
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
  // What the kernel takes as an interface name (IFNAMSIZ - 1), without characters that make trouble in tools.
  private static final Pattern IFNAME = Pattern.compile("[a-zA-Z0-9_.-]{1,15}");

  private final AddressPools pools;

  NetworkPlanner(AddressPools pools) {
    this.pools = pools;
  }

  /**
   * @param hostRoutes destinations routed on the host that are not Shoal's own bridges
   * @param hostLinks names of the links that exist on the host
   */
  Network plan(NetworkCreateRequest r, List<Network> existing, List<Ipv4Subnet> hostRoutes,
      Set<String> hostLinks, Instant now) {
    checkName(r.name());
    if (PREDEFINED.contains(r.name())) {
      throw new ForbiddenException("operation is not permitted on predefined " + r.name() + " network");
    }
    if (existing.stream().anyMatch(n -> n.name().equals(r.name()))) {
      throw new ConflictException("network with name " + r.name() + " already exists");
    }
    checkDriver(r);
    String id = EndpointPlanner.newId();
    List<Ipv4Subnet> taken = new ArrayList<>();
    existing.stream().filter(n -> n.subnet() != null).forEach(n -> taken.add(n.subnet()));

    NetworkCreateRequest.IpamConfig c = ipamConfig(r);
    Ipv4Subnet subnet;
    boolean userSubnet = !c.subnet().isEmpty();
    if (userSubnet) {
      subnet = Ipv4Subnet.parse(c.subnet());
      if (taken.stream().anyMatch(subnet::overlaps)) {
        throw new InvalidArgumentException(
            "invalid pool request: Pool overlaps with other one on this address space (" + subnet + ")");
      }
    } else {
      List<Ipv4Subnet> avoid = new ArrayList<>(taken);
      avoid.addAll(hostRoutes);
      subnet = pools.next(avoid);
    }
    Ipv4Address gateway = gateway(c, subnet);
    Ipv4Subnet range = null;
    if (!c.ipRange().isEmpty()) {
      range = Ipv4Subnet.parse(c.ipRange());
      if (!range.within(subnet)) {
        throw new InvalidArgumentException("no matching subnet for range " + c.ipRange());
      }
    }
    Map<String, Ipv4Address> aux = new LinkedHashMap<>();
    c.auxAddresses().forEach((k, v) -> {
      Ipv4Address a = Ipv4Address.parse(v);
      if (!subnet.contains(a)) {
        throw new InvalidArgumentException("no matching subnet for aux-address " + v);
      }
      aux.put(k, a);
    });

    Network.BridgeSettings bridge = bridgeSettings(r.options(), id, existing, hostLinks);
    return new Network(id, r.name(), Network.BRIDGE, now.toString(), r.internal(), r.attachable(),
        subnet, gateway, range, userSubnet, aux, r.ipamOptions(), r.options(), r.labels(), bridge, false);
  }

  /** The daemon's own networks: bridge (on shoal0, the first free default pool), host and none. */
  Network predefined(String name, List<Network> existing, List<Ipv4Subnet> hostRoutes, Instant now) {
    String id = EndpointPlanner.newId();
    return switch (name) {
      case "host" -> new Network(id, "host", Network.HOST, now.toString(), false, false, null, null, null,
          false, Map.of(), Map.of(), Map.of(), Map.of(), null, true);
      case "none" -> new Network(id, "none", Network.NULL, now.toString(), false, false, null, null, null,
          false, Map.of(), Map.of(), Map.of(), Map.of(), null, true);
      case "bridge" -> {
        List<Ipv4Subnet> avoid = new ArrayList<>(hostRoutes);
        existing.stream().filter(n -> n.subnet() != null).forEach(n -> avoid.add(n.subnet()));
        Ipv4Subnet subnet = pools.next(avoid);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("com.docker.network.bridge.default_bridge", "true");
        options.put("com.docker.network.bridge.enable_icc", "true");
        options.put(OPT_MASQUERADE, "true");
        options.put("com.docker.network.bridge.host_binding_ipv4", "0.0.0.0");
        options.put(OPT_BRIDGE_NAME, DEFAULT_BRIDGE);
        options.put(OPT_MTU, "1500");
        yield new Network(id, "bridge", Network.BRIDGE, now.toString(), false, false, subnet,
            subnet.base().plus(1), null, false, Map.of(), Map.of(), options, Map.of(),
            new Network.BridgeSettings(DEFAULT_BRIDGE, bridgeMac(id), 1500, true), true);
      }
      default -> throw new IllegalArgumentException("not a predefined network: " + name);
    };
  }

  static void checkName(String name) {
    if (name.isEmpty()) {
      throw new InvalidArgumentException("network name must not be empty");
    }
    if (!NAME.matcher(name).matches()) {
      throw new InvalidArgumentException(
          "invalid network name \"" + name + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
  }

  private static void checkDriver(NetworkCreateRequest r) {
    String d = r.driver().isEmpty() ? Network.BRIDGE : r.driver();
    switch (d) {
      case Network.BRIDGE -> { }
      case Network.HOST, Network.NULL ->
          throw new ForbiddenException("only one instance of \"" + d + "\" network is allowed");
      case "overlay" -> throw new UnavailableException(
          "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.");
      default -> throw new InvalidArgumentException("plugin \"" + d + "\" not found: the drivers of this host are bridge, host and null");
    }
    if (!r.ipamDriver().isEmpty() && !r.ipamDriver().equals("default")) {
      throw new InvalidArgumentException("plugin \"" + r.ipamDriver() + "\" not found: the only IPAM driver is default");
    }
    if (r.enableIpv6()) {
      throw new InvalidArgumentException("IPv6 is not supported on Shoal's bridge networks yet");
    }
    if (r.ingress()) {
      throw new ForbiddenException("ingress networks can only be created by a swarm manager");
    }
    if (r.configOnly() || !r.configFrom().isEmpty()) {
      throw new InvalidArgumentException("config-only networks are not supported");
    }
    if (!r.scope().isEmpty() && !r.scope().equals("local")) {
      throw new InvalidArgumentException("the bridge driver supports only the local scope, not " + r.scope());
    }
  }

  private static NetworkCreateRequest.IpamConfig ipamConfig(NetworkCreateRequest r) {
    List<NetworkCreateRequest.IpamConfig> v4 = new ArrayList<>();
    for (NetworkCreateRequest.IpamConfig c : r.ipamConfig()) {
      if (c.subnet().contains(":") || c.ipRange().contains(":") || c.gateway().contains(":")) {
        throw new InvalidArgumentException("IPv6 is not supported on Shoal's bridge networks yet");
      }
      if (c.subnet().isEmpty() && (!c.gateway().isEmpty() || !c.ipRange().isEmpty() || !c.auxAddresses().isEmpty())) {
        throw new InvalidArgumentException("every ip-range or gateway must have a corresponding subnet");
      }
      v4.add(c);
    }
    if (v4.size() > 1) {
      throw new InvalidArgumentException("bridge driver doesn't support multiple subnets");
    }
    return v4.isEmpty() ? new NetworkCreateRequest.IpamConfig("", "", "", Map.of()) : v4.getFirst();
  }

  private static Ipv4Address gateway(NetworkCreateRequest.IpamConfig c, Ipv4Subnet subnet) {
    if (c.gateway().isEmpty()) {
      if (subnet.prefixLength() > 30) {
        throw new InvalidArgumentException("subnet " + subnet + " is too small: it leaves no address for containers");
      }
      return subnet.base().plus(1);
    }
    Ipv4Address gw = Ipv4Address.parse(c.gateway());
    if (!subnet.contains(gw)) {
      throw new InvalidArgumentException("no matching subnet for gateway " + c.gateway());
    }
    if (subnet.prefixLength() < 31 && (gw.equals(subnet.base()) || gw.equals(subnet.last()))) {
      throw new InvalidArgumentException("invalid gateway " + gw + ": it is the network or broadcast address of " + subnet);
    }
    return gw;
  }

  private static Network.BridgeSettings bridgeSettings(
      Map<String, String> options, String id, List<Network> existing, Set<String> hostLinks) {
    String device = options.getOrDefault(OPT_BRIDGE_NAME, "br-" + id.substring(0, 12));
    if (!IFNAME.matcher(device).matches()) {
      throw new InvalidArgumentException("invalid bridge name \"" + device
          + "\": 1 to 15 characters of [a-zA-Z0-9_.-]");
    }
    for (Network n : existing) {
      if (n.bridge() != null && n.bridge().device().equals(device)) {
        throw new InvalidArgumentException("bridge name " + device + " is already used by network " + n.name());
      }
    }
    if (hostLinks.contains(device)) {
      throw new InvalidArgumentException("bridge name " + device + " is already used by a link of this host");
    }
    int mtu = 0;
    String rawMtu = options.get(OPT_MTU);
    if (rawMtu != null) {
      try {
        mtu = Integer.parseInt(rawMtu);
      } catch (NumberFormatException e) {
        mtu = -1;
      }
      if (mtu < 68 || mtu > 65535) {
        throw new InvalidArgumentException("invalid MTU number: " + rawMtu + " (68 to 65535)");
      }
    }
    boolean masquerade = parseBool(OPT_MASQUERADE, options.getOrDefault(OPT_MASQUERADE, "true"));
    return new Network.BridgeSettings(device, bridgeMac(id), mtu, masquerade);
  }

  /** Go's strconv.ParseBool, which Docker uses for its options. */
  static boolean parseBool(String key, String v) {
    return switch (v) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> throw new InvalidArgumentException(
          "invalid value for " + key + ": " + v.toLowerCase(Locale.ROOT) + " is not a boolean");
    };
  }

  /** A fixed, locally administered MAC for the bridge, derived from the network id. */
  static String bridgeMac(String id) {
    return "02:42:" + id.substring(0, 2) + ":" + id.substring(2, 4) + ":" + id.substring(4, 6) + ":" + id.substring(6, 8);
  }
}
