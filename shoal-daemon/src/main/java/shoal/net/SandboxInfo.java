package shoal.net;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link ContainerNetworking#setUp} made.
 *
 * @param netnsPath the container's network namespace to give runc; null in host mode
 * @param endpoints by network name
 * @param ports the published ports with the host ports actually chosen
 */
public record SandboxInfo(Path netnsPath, Map<String, EndpointInfo> endpoints, List<PortBinding> ports) {
  public SandboxInfo {
    endpoints = Map.copyOf(endpoints);
    ports = List.copyOf(ports);
  }
}
