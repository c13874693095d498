package shoal.net;

/**
 * What the runtime asks of the network side for each container. The runtime knows containers;
 * this side knows networks, endpoints, namespaces, links and nftables. Every method makes the
 * kernel match the request and is idempotent; a failure half-way undoes what it had done.
 */
public interface ContainerNetworking {
  /**
   * Prepares networking for a container about to start: its network namespace (none for host
   * mode), an endpoint on each requested network, its published ports.
   *
   * @throws shoal.errors.NotFoundException a requested network does not exist
   * @throws shoal.errors.InvalidArgumentException the request cannot be honoured (address taken,
   *     port in use, bad mode)
   * @throws shoal.errors.SystemException the kernel or a tool refused
   */
  SandboxInfo setUp(SandboxSpec spec);

  /** Removes what {@link #setUp} made for this container; safe to call when nothing is there. */
  void tearDown(String containerId);

  /**
   * Joins a running container's sandbox to one more network ({@code docker network connect}).
   *
   * @throws shoal.errors.NotFoundException the network or the sandbox does not exist
   * @throws shoal.errors.ConflictException the container is already on that network
   */
  EndpointInfo connect(String containerId, String network, EndpointSpec spec);

  /**
   * Removes a running container's endpoint on a network ({@code docker network disconnect}).
   *
   * @throws shoal.errors.NotFoundException the container is not on that network
   */
  void disconnect(String containerId, String network);
}
