package shoal.net.link;

import java.util.ArrayList;
import java.util.List;

/**
 * Steps for one {@code ip -batch -} run in one network namespace: one process for many changes.
 * Each method adds one line; {@link IpRoute#apply} runs them in order and stops at the first that
 * fails. Names and addresses come from validated values, never raw user text.
 */
public final class IpBatch {
  private final String netns;
  private final List<String> lines = new ArrayList<>();

  private IpBatch(String netns) {
    this.netns = netns;
  }

  /** Steps run in the daemon's own (the host's) namespace. */
  public static IpBatch inHost() {
    return new IpBatch(null);
  }

  /** Steps run inside the named namespace ({@code ip -n NAME}). */
  public static IpBatch in(String netns) {
    return new IpBatch(netns);
  }

  /** The namespace, or null for the host's. */
  public String netns() {
    return netns;
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /** A raw line, for steps this class has no method for yet. */
  public IpBatch line(String line) {
    lines.add(line);
    return this;
  }

  public IpBatch addNetns(String name) {
    return line("netns add " + name);
  }

  public IpBatch deleteNetns(String name) {
    return line("netns delete " + name);
  }

  /** A Linux bridge with a fixed MAC, so that it does not change as ports come and go. */
  public IpBatch addBridge(String name, String mac, int mtu) {
    return line("link add name " + name + " address " + mac + mtu(mtu) + " type bridge");
  }

  /**
   * A veth pair whose peer is created directly in {@code peerNetns} with its final name and MAC,
   * so that no half-configured interface ever shows in the host.
   */
  public IpBatch addVethPair(String hostName, String peerName, String peerMac, String peerNetns, int mtu) {
    return line("link add name " + hostName + mtu(mtu) + " type veth peer name " + peerName
        + " address " + peerMac + mtu(mtu) + " netns " + peerNetns);
  }

  public IpBatch setMasterAndUp(String dev, String master) {
    return line("link set dev " + dev + " master " + master + " up");
  }

  public IpBatch up(String dev) {
    return line("link set dev " + dev + " up");
  }

  public IpBatch addAddress(String dev, String cidrAddress) {
    return line("address add " + cidrAddress + " dev " + dev);
  }

  /** Adds the address, or leaves it as it is when the device has it already. */
  public IpBatch replaceAddress(String dev, String cidrAddress) {
    return line("address replace " + cidrAddress + " dev " + dev);
  }

  public IpBatch replaceDefaultRoute(String gateway, String dev) {
    return line("route replace default via " + gateway + " dev " + dev);
  }

  /**
   * A VXLAN device with learning off (remote endpoints are programmed, never learned) and ARP
   * answered locally from the neighbour table ({@code proxy}), so that nothing floods.
   */
  public IpBatch addVxlan(String name, int vni, String localAddress, int dstPort) {
    return line("link add " + name + " type vxlan id " + vni + " dstport " + dstPort + " local " + localAddress
        + " nolearning proxy");
  }

  /** Moves a link into another namespace, renaming it there in the same step. */
  public IpBatch moveLink(String dev, String netns, String newName) {
    return line("link set dev " + dev + " netns " + netns + " name " + newName);
  }

  public IpBatch setMtuMasterAndUp(String dev, int mtu, String master) {
    return line("link set dev " + dev + mtu(mtu) + " master " + master + " up");
  }

  /** A static neighbour entry (IP to MAC), set or replaced. */
  public IpBatch replaceNeighbour(String ip, String mac, String dev) {
    return line("neigh replace " + ip + " lladdr " + mac + " dev " + dev + " nud permanent");
  }

  public IpBatch deleteNeighbour(String ip, String dev) {
    return line("neigh del " + ip + " dev " + dev);
  }

  /** How long the neighbour table waits before it asks again for an unresolved address on {@code dev}. */
  public IpBatch neighbourRetransmit(String dev, int millis) {
    return line("ntable change name arp_cache dev " + dev + " retrans " + millis);
  }

  public IpBatch deleteLink(String name) {
    return line("link delete dev " + name);
  }

  private static String mtu(int mtu) {
    return mtu > 0 ? " mtu " + mtu : "";
  }

  @Override
  public String toString() {
    return (netns == null ? "" : "[" + netns + "] ") + String.join("; ", lines);
  }
}
