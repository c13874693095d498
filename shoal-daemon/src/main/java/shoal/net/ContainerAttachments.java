package shoal.net;

/**
 * What the network routes ask of the container side for {@code docker network connect/disconnect}:
 * the container owns its list of networks, so it records the change and, when it runs, joins or
 * leaves through {@link ContainerNetworking}. Implemented by the container side.
 */
public interface ContainerAttachments {
  /** Adds the network to the container's config; if it runs, joins it now (ContainerNetworking.connect). */
  void connect(String containerRef, String network, EndpointSpec spec);

  /** Removes it; if it runs, leaves now. */
  void disconnect(String containerRef, String network, boolean force);
}
