package shoal.net;

import java.util.List;
import shoal.net.ipam.Ipv4Address;

/**
 * A container's endpoint on one network, as persisted with its sandbox.
 *
 * @param ifName the interface inside the container, eth0, eth1…; empty for host and null networks
 * @param hostVeth the host end of the veth pair; empty when there is none
 * @param ipv4 null on host and null networks
 * @param mac empty on host and null networks
 */
public record Endpoint(
    String networkId,
    String endpointId,
    String ifName,
    String hostVeth,
    Ipv4Address ipv4,
    String mac,
    List<String> aliases) {

  public Endpoint {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  public boolean hasLink() {
    return !hostVeth.isEmpty();
  }
}
