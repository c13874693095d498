package shoal.net;

import java.util.List;
import java.util.Map;

/**
 * The networking a container asks for.
 *
 * @param containerId the container's full id
 * @param containerName its name without the leading slash (used for aliases and inspect output)
 * @param hostname the container's hostname
 * @param mode Docker's NetworkMode: {@code bridge} (the default network), {@code host},
 *     {@code none}, {@code container:<id>}, or a network's name or id
 * @param endpoints the networks to join, by name or id, with what is asked of each endpoint; for
 *     {@code bridge} and named modes this includes the mode's own network
 * @param ports ports to publish on the host ({@code -p}); a host port of 0 means "pick one"
 */
public record SandboxSpec(
    String containerId,
    String containerName,
    String hostname,
    String mode,
    Map<String, EndpointSpec> endpoints,
    List<PortBinding> ports) {

  public SandboxSpec {
    endpoints = Map.copyOf(endpoints);
    ports = List.copyOf(ports);
  }
}
