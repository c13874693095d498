package shoal.bench;

import java.time.Duration;
import java.util.List;
import shoal.common.CommandResult;
import shoal.lab.LabHost;

/**
 * The hand-wired kernel VXLAN of {@code shared/reference/kernel-vxlan}, built by hand in two lab
 * hosts beside Shoal's own overlay: a sandbox with a bridge and a VXLAN device (learning off,
 * static entries), and a bare namespace on it per host. It is the limit Shoal's data plane is
 * measured against in the same run; nothing of Shoal takes part in it.
 */
final class HandBuiltVxlan implements AutoCloseable {
  /** Namespaces in each host's own /run/netns (the lab gives each host its own view). */
  static final String SANDBOX = "hb-sb";
  static final String CONTAINER = "hb-c";
  private static final int VNI = 4999;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final List<LabHost> hosts;

  private HandBuiltVxlan(List<LabHost> hosts) {
    this.hosts = hosts;
  }

  /** Builds the path between two hosts; the container on host i has 10.99.0.(i+2). */
  static HandBuiltVxlan between(LabHost a, LabHost b) {
    HandBuiltVxlan v = new HandBuiltVxlan(List.of(a, b));
    try {
      v.build(a, 0, b);
      v.build(b, 1, a);
      return v;
    } catch (RuntimeException e) {
      v.close();
      throw e;
    }
  }

  static String addressOf(int index) {
    return "10.99.0." + (index + 2);
  }

  private static String macOf(int index) {
    return "02:42:0a:63:00:0" + (index + 2);
  }

  private void build(LabHost h, int index, LabHost other) {
    int peer = 1 - index;
    String script = String.join("\n",
        "set -e",
        "ip netns add " + SANDBOX, "ip netns add " + CONTAINER,
        "ip link add hbvx type vxlan id " + VNI + " dstport 4789 local " + h.address() + " nolearning proxy",
        "ip link set hbvx netns " + SANDBOX,
        "ip -n " + SANDBOX + " link add br0 type bridge",
        "ip -n " + SANDBOX + " link set hbvx master br0 mtu 1450 up",
        "ip -n " + SANDBOX + " link set br0 up",
        "ip -n " + SANDBOX + " link add hbve type veth peer name eth0 netns " + CONTAINER,
        "ip -n " + SANDBOX + " link set hbve master br0 mtu 1450 up",
        "ip -n " + CONTAINER + " link set eth0 address " + macOf(index) + " mtu 1450",
        "ip -n " + CONTAINER + " addr add " + addressOf(index) + "/24 dev eth0",
        "ip -n " + CONTAINER + " link set eth0 up", "ip -n " + CONTAINER + " link set lo up",
        "ip -n " + SANDBOX + " neigh add " + addressOf(peer) + " lladdr " + macOf(peer) + " dev hbvx nud permanent",
        "bridge -n " + SANDBOX + " fdb add " + macOf(peer) + " dev hbvx dst " + other.address() + " self permanent");
    CommandResult r = h.host().exec(List.of("sh", "-c", script), TIMEOUT);
    if (!r.ok()) {
      throw new IllegalStateException("hand-built VXLAN on " + h.name() + ": " + r.failure());
    }
  }

  @Override
  public void close() {
    for (LabHost h : hosts) {
      h.host().exec(List.of("sh", "-c", "ip netns del " + CONTAINER + " 2>/dev/null; ip netns del " + SANDBOX
          + " 2>/dev/null; true"), TIMEOUT);
    }
  }
}
