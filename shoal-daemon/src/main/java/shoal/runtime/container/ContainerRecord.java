package shoal.runtime.container;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import shoal.net.EndpointInfo;
import shoal.net.EndpointSpec;
import shoal.net.PortBinding;

/**
 * Everything the daemon keeps about a container, as one immutable value: written to
 * {@code <data-root>/containers/<id>/container.json} on every change, read back at start.
 *
 * @param name without the leading slash
 * @param imageRef the image as the user named it ({@code busybox}); {@code config.image} too
 * @param networks the networks the container joins, by name, with what it asks of each
 * @param endpoints what the network side gave it on each network while it runs
 * @param ports the published ports with their host ports, while it runs
 * @param sandboxKey the network namespace's path while it runs; empty in host mode
 * @param backoff the restart policy's state
 * @param manuallyStopped stopped by a user, which suspends the restart policy
 */
public record ContainerRecord(
    String id,
    String name,
    Instant created,
    String imageId,
    String imageRef,
    ContainerConfig config,
    HostSettings host,
    Map<String, EndpointSpec> networks,
    ContainerState state,
    Map<String, EndpointInfo> endpoints,
    List<PortBinding> ports,
    String sandboxKey,
    RestartBackoff backoff,
    boolean manuallyStopped) {

  public ContainerRecord {
    networks = Map.copyOf(networks);
    endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
    ports = ports == null ? List.of() : List.copyOf(ports);
    sandboxKey = sandboxKey == null ? "" : sandboxKey;
    backoff = backoff == null ? RestartBackoff.initial() : backoff;
  }

  public String shortId() {
    return id.substring(0, 12);
  }

  public ContainerRecord withName(String n) {
    return new ContainerRecord(id, n, created, imageId, imageRef, config, host, networks, state, endpoints, ports,
        sandboxKey, backoff, manuallyStopped);
  }

  public ContainerRecord withState(ContainerState s) {
    return new ContainerRecord(id, name, created, imageId, imageRef, config, host, networks, s, endpoints, ports,
        sandboxKey, backoff, manuallyStopped);
  }

  public ContainerRecord withNetworks(Map<String, EndpointSpec> n) {
    return new ContainerRecord(id, name, created, imageId, imageRef, config, host, n, state, endpoints, ports,
        sandboxKey, backoff, manuallyStopped);
  }

  public ContainerRecord withSandbox(Map<String, EndpointInfo> e, List<PortBinding> p, String key) {
    return new ContainerRecord(id, name, created, imageId, imageRef, config, host, networks, state, e, p,
        key, backoff, manuallyStopped);
  }

  public ContainerRecord withBackoff(RestartBackoff b) {
    return new ContainerRecord(id, name, created, imageId, imageRef, config, host, networks, state, endpoints, ports,
        sandboxKey, b, manuallyStopped);
  }

  public ContainerRecord withManuallyStopped(boolean m) {
    return new ContainerRecord(id, name, created, imageId, imageRef, config, host, networks, state, endpoints, ports,
        sandboxKey, backoff, m);
  }
}
