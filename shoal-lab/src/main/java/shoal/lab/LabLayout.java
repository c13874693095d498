package shoal.lab;

import java.util.List;

/**
 * What a lab is made of, kept in its state directory as lab.json so that any later process
 * ({@code lab ls}, {@code lab down}, a test after a crash) knows what to look at and remove.
 *
 * @param owner PID of the process whose lifetime bounds the lab (a test JVM), or 0 when the lab
 *     lives until {@code lab down}
 */
record LabLayout(
    String name,
    String subnet,
    String lanNetns,
    List<HostEntry> hosts,
    List<String> daemonCommand,
    long owner) {

  /** One host: its short name (h1), LAN address and network namespace. */
  record HostEntry(String name, String address, String netns) {}

  LabLayout {
    hosts = List.copyOf(hosts);
    daemonCommand = List.copyOf(daemonCommand);
  }

  HostEntry host(String hostName) {
    return hosts.stream()
        .filter(h -> h.name().equals(hostName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "lab " + name + " has no host " + hostName + " (hosts: "
                + String.join(", ", hosts.stream().map(HostEntry::name).toList()) + ")"));
  }
}
