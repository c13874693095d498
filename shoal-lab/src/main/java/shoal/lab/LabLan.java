package shoal.lab;

import java.util.List;
import shoal.common.CommandResult;
import shoal.common.Commands;

/**
 * The lab's LAN: a bridge in a network namespace of its own, and one veth per host whose LAN end
 * is named after the host (h1, h2…) and whose host end is the host's eth0. Nothing touches the
 * machine's root namespace. Faults (cut, loss) are made here, on the LAN side, so that the hosts'
 * own state (their daemons' nftables tables) is untouched.
 */
final class LabLan {
  private static final String BRIDGE = "lan0";
  private static final String LOSS_TABLE = "shoal_lab_loss";

  private final String netns;

  LabLan(String netns) {
    this.netns = netns;
  }

  void create() {
    Commands.check("ip", "netns", "add", netns);
    Commands.check(List.of("ip", "-n", netns, "-batch", "-"),
        String.join("\n",
            "link set lo up",
            "link add " + BRIDGE + " type bridge",
            "link set " + BRIDGE + " up",
            "").getBytes());
  }

  /** Plugs a host in: a veth from the LAN bridge to the host's eth0 with its address. */
  void plug(String hostName, String hostNetns, String address, int prefixLength) {
    Commands.check("ip", "-n", netns, "link", "add", hostName, "type", "veth", "peer", "name", "eth0", "netns", hostNetns);
    Commands.check("ip", "-n", netns, "link", "set", hostName, "master", BRIDGE, "up");
    Commands.check(List.of("ip", "-n", hostNetns, "-batch", "-"),
        String.join("\n",
            "addr add " + address + "/" + prefixLength + " dev eth0",
            "link set eth0 up",
            "").getBytes());
  }

  /** The host loses (down) or regains (up) the LAN. */
  void setLink(String hostName, boolean up) {
    Commands.check("ip", "-n", netns, "link", "set", hostName, up ? "up" : "down");
  }

  /** Drops {@code percent} % of the frames to and from a host at random; 0 removes the loss. */
  void setLoss(String hostName, int percent) {
    String table = LOSS_TABLE + "_" + hostName;
    CommandResult existing =
        Commands.run(List.of("nsenter", "--net=/run/netns/" + netns, "nft", "list", "table", "netdev", table));
    StringBuilder rules = new StringBuilder();
    if (existing.ok()) {
      rules.append("delete table netdev ").append(table).append('\n');
    }
    if (percent > 0) {
      // numgen random gives 0..99; frames below the threshold are dropped both ways.
      String verdict = percent >= 100 ? "drop;" : "numgen random mod 100 < " + percent + " drop;";
      rules.append("table netdev ").append(table).append(" {\n")
          .append("  chain from_host { type filter hook ingress device ").append(hostName)
          .append(" priority 0; ").append(verdict).append(" }\n")
          .append("  chain to_host { type filter hook egress device ").append(hostName)
          .append(" priority 0; ").append(verdict).append(" }\n")
          .append("}\n");
    }
    if (!rules.isEmpty()) {
      Commands.check(List.of("nsenter", "--net=/run/netns/" + netns, "nft", "-f", "-"), rules.toString().getBytes());
    }
  }

  /** Removes the LAN namespace (and with it the bridge and the LAN ends of the veths). */
  void remove() {
    if (java.nio.file.Files.exists(java.nio.file.Path.of("/run/netns", netns))) {
      Commands.run(List.of("ip", "netns", "del", netns));
    }
  }
}
