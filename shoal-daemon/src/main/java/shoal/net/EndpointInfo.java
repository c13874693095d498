package shoal.net;

import java.util.List;

/**
 * A container's endpoint on one network, as {@code NetworkSettings.Networks[name]} shows it.
 *
 * @param prefixLength of the network's subnet, e.g. 16
 * @param gateway the network's gateway address, empty on internal networks without one
 */
public record EndpointInfo(
    String networkId,
    String networkName,
    String endpointId,
    String ipv4Address,
    int prefixLength,
    String gateway,
    String macAddress,
    List<String> aliases) {

  public EndpointInfo {
    aliases = List.copyOf(aliases);
  }
}
