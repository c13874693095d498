package shoal.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link LocalNetworking} made for one running container, persisted under
 * {@code <exec root>/network/sandboxes/<id>.json}: it lives as long as the namespace it describes
 * (both are gone after the host reboots). The addresses of its endpoints count as allocated.
 *
 * @param netns the namespace's name under /run/netns; null in host mode
 * @param endpoints in the order they were joined; the first one on a network with a way out
 *     carries the default route and the published ports
 * @param ports published ports with their host ports chosen
 */
public record Sandbox(
    String containerId,
    String containerName,
    String netns,
    List<Endpoint> endpoints,
    List<PortBinding> ports) {

  public Sandbox {
    endpoints = List.copyOf(endpoints);
    ports = List.copyOf(ports);
  }

  public Optional<Endpoint> endpointOn(String networkId) {
    return endpoints.stream().filter(e -> e.networkId().equals(networkId)).findFirst();
  }

  public Sandbox withEndpoint(Endpoint e) {
    List<Endpoint> es = new ArrayList<>(endpoints);
    es.add(e);
    return new Sandbox(containerId, containerName, netns, es, ports);
  }

  public Sandbox withoutEndpoint(String networkId) {
    List<Endpoint> es = new ArrayList<>(endpoints);
    es.removeIf(e -> e.networkId().equals(networkId));
    return new Sandbox(containerId, containerName, netns, es, ports);
  }
}
