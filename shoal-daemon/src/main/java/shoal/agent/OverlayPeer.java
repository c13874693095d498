package shoal.agent;

import java.util.Locale;

/**
 * A remote endpoint on a swarm network (never one of this node's own).
 *
 * @param endpointId the task's ID, or the attachment's ID for a standalone container
 * @param ip its IPv4 address on the network, without prefix length
 * @param mac {@code 02:42:} followed by the four IPv4 bytes in lower-case hex ({@link #macOf})
 * @param vtep the IPv4 address of the node hosting it (its advertise address without port)
 * @param nodeName the hostname of that node ({@code network inspect -v}'s Peers on any node)
 */
public record OverlayPeer(String endpointId, String ip, String mac, String vtep, String nodeName) {

  /**
   * Docker's MAC for an overlay endpoint: {@code 02:42:} and the IPv4 bytes, so every node derives
   * the same MAC from the address alone. Accepts an address with or without prefix length.
   */
  public static String macOf(String ip) {
    int slash = ip.indexOf('/');
    String[] parts = (slash < 0 ? ip : ip.substring(0, slash)).split("\\.");
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + ip);
    }
    StringBuilder mac = new StringBuilder("02:42");
    for (String p : parts) {
      int b = Integer.parseInt(p);
      if (b < 0 || b > 255) {
        throw new IllegalArgumentException("not an IPv4 address: " + ip);
      }
      mac.append(':').append(String.format(Locale.ROOT, "%02x", b));
    }
    return mac.toString();
  }
}
