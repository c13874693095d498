package shoal.net.overlay;

import shoal.net.ipam.Ipv4Address;
import shoal.net.ipam.Ipv4Subnet;

/**
 * One overlay network as this node's kernel carries it: a VXLAN segment bridged in a sandbox.
 *
 * @param networkId the network's ID, which names the sandbox
 * @param vni the VXLAN network identifier
 * @param gateway the address the sandbox's bridge holds
 * @param mtu of the VXLAN device and of the containers' interfaces (the underlay's less 50)
 */
public record OverlaySegment(String networkId, int vni, Ipv4Subnet subnet, Ipv4Address gateway, int mtu) {}
