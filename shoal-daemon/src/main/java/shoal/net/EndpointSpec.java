package shoal.net;

import java.util.List;

/**
 * What a container asks of its endpoint on one network ({@code EndpointsConfig} in Docker's API).
 *
 * @param aliases extra names on that network
 * @param ipv4Address a fixed address ({@code --ip}), or null to let the network choose
 * @param macAddress a fixed MAC, or null to derive it from the address (02:42:a.b.c.d)
 */
public record EndpointSpec(List<String> aliases, String ipv4Address, String macAddress) {
  public EndpointSpec {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  public static EndpointSpec defaults() {
    return new EndpointSpec(List.of(), null, null);
  }
}
