package shoal.net.overlay;

/**
 * An endpoint of an overlay network on another node, as programmed into a sandbox: frames for
 * {@code mac} go to {@code vtep}; ARP for {@code ip} is answered with {@code mac}.
 *
 * @param ip the endpoint's IPv4 address
 * @param mac lowercase, 02:42 followed by the address's bytes
 * @param vtep the IPv4 address of the node hosting it
 */
public record RemotePeer(String ip, String mac, String vtep) {}
