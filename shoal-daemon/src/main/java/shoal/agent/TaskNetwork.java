package shoal.agent;

import shoal.manager.store.objects.NetworkObject;

/**
 * A task's (or a standalone container's attachment's) address on one swarm network.
 *
 * @param network the network as the store holds it (allocated: subnet, gateway, VXLAN ID)
 * @param address the endpoint's address with the subnet's prefix length, e.g. {@code 10.0.1.5/24}
 */
public record TaskNetwork(NetworkObject network, String address) {}
