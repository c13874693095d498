package shoal.net;

import java.util.Map;
import shoal.net.ipam.AddressAllocator;
import shoal.net.ipam.Ipv4Address;
import shoal.net.ipam.Ipv4Subnet;

/**
 * A local network, as persisted under {@code <data root>/network/networks/<id>.json}.
 *
 * @param driver bridge, host, null or overlay (Docker's names); overlay networks are the swarm's,
 *     as this node instantiates them (their VXLAN ID in {@code options})
 * @param created RFC 3339 with nanoseconds, as Docker writes it
 * @param subnet null for host and null networks
 * @param gateway the bridge's address; null for host and null networks
 * @param ipRange where automatic addresses come from; null for the whole subnet
 * @param userSubnet the subnet was given by the user ({@code --ip} is allowed only then)
 * @param auxAddresses addresses kept out of allocation ({@code --aux-address})
 * @param options the driver options as given (and, for the default bridge, Docker's set)
 * @param bridge the Linux bridge's settings; null for host and null networks
 * @param predefined bridge, host and none: made by the daemon, never removed
 */
public record Network(
    String id,
    String name,
    String driver,
    String created,
    boolean internal,
    boolean attachable,
    Ipv4Subnet subnet,
    Ipv4Address gateway,
    Ipv4Subnet ipRange,
    boolean userSubnet,
    Map<String, Ipv4Address> auxAddresses,
    Map<String, String> ipamOptions,
    Map<String, String> options,
    Map<String, String> labels,
    BridgeSettings bridge,
    boolean predefined) {

  public static final String BRIDGE = "bridge";
  public static final String HOST = "host";
  public static final String NULL = "null";
  public static final String OVERLAY = "overlay";
  /** The option that carries an overlay network's VXLAN ID (Docker's name). */
  public static final String VXLANID_LIST = "com.docker.network.driver.overlay.vxlanid_list";

  public Network {
    auxAddresses = auxAddresses == null ? Map.of() : Map.copyOf(auxAddresses);
    ipamOptions = ipamOptions == null ? Map.of() : Map.copyOf(ipamOptions);
    options = options == null ? Map.of() : Map.copyOf(options);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /**
   * @param device the Linux bridge, e.g. shoal0 or br-0123456789ab
   * @param mac the bridge's own MAC, fixed so that it does not follow its ports
   * @param mtu 0 for the kernel's default
   * @param masquerade NAT egress (com.docker.network.bridge.enable_ip_masquerade)
   */
  public record BridgeSettings(String device, String mac, int mtu, boolean masquerade) {}

  public boolean bridgeDriver() {
    return driver.equals(BRIDGE);
  }

  public boolean overlayDriver() {
    return driver.equals(OVERLAY);
  }

  /** An overlay network's VXLAN ID. */
  public int vni() {
    return Integer.parseInt(options.get(VXLANID_LIST));
  }

  /** An overlay network asking for an encrypted data path ({@code --opt encrypted}). */
  public boolean encrypted() {
    return overlayDriver() && options.containsKey("encrypted");
  }

  public AddressAllocator allocator() {
    return new AddressAllocator(subnet, ipRange, gateway);
  }
}
