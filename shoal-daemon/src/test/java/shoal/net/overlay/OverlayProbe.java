package shoal.net.overlay;

import java.util.ArrayList;
import java.util.List;
import shoal.net.Endpoint;
import shoal.net.ipam.Ipv4Address;
import shoal.net.ipam.Ipv4Subnet;
import shoal.net.link.BridgeTool;
import shoal.net.link.IpBatch;
import shoal.net.link.IpRoute;

/**
 * Drives {@link OverlayDriver} from inside a test host, one command per argument, one output line
 * per command ({@code ok} or {@code error <kind>: <message>}). A segment is written
 * {@code NET:VNI:SUBNET:GATEWAY:MTU}; peers {@code IP/MAC/VTEP,...} (or {@code -} for none).
 * <ul>
 *   <li>{@code sandbox SEGMENT VTEP PEERS}
 *   <li>{@code join SEGMENT CONTAINER_NETNS IP VETH}
 *   <li>{@code leave NET VETH}
 *   <li>{@code put NET PEERS} / {@code resync NET PEERS}
 *   <li>{@code rm NET}
 * </ul>
 */
public final class OverlayProbe {
  public static void main(String[] args) {
    IpRoute ip = new IpRoute();
    OverlayDriver driver = new OverlayDriver(ip, new BridgeTool());
    for (String command : args) {
      String[] w = command.trim().split("\\s+");
      try {
        switch (w[0]) {
          case "sandbox" -> driver.ensureSandbox(segment(w[1]), w[2], peers(w[3]));
          case "join" -> {
            OverlaySegment s = segment(w[1]);
            Endpoint e = endpoint(s.networkId(), w[3], w[4]);
            IpBatch sandbox = IpBatch.in(OverlayDriver.sandboxName(s.networkId()));
            IpBatch inside = IpBatch.in(w[2]);
            driver.join(s, e, w[2], sandbox, inside);
            ip.apply(sandbox);
            ip.apply(inside);
          }
          case "leave" -> driver.leave(w[1], endpoint(w[1], "10.255.255.254", w[2]));
          case "put" -> driver.putPeers(w[1], peers(w[2]));
          case "resync" -> driver.resyncPeers(w[1], peers(w[2]));
          case "rm" -> driver.removeSandbox(w[1]);
          default -> throw new IllegalArgumentException("unknown command " + w[0]);
        }
        System.out.println("ok");
      } catch (RuntimeException e) {
        System.out.println("error " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
  }

  private static Endpoint endpoint(String net, String address, String veth) {
    Ipv4Address a = Ipv4Address.parse(address);
    return new Endpoint(net, veth, "eth0", veth, a, a.dockerMac(), List.of());
  }

  static OverlaySegment segment(String text) {
    String[] p = text.split(":");
    return new OverlaySegment(p[0], Integer.parseInt(p[1]), Ipv4Subnet.parse(p[2]), Ipv4Address.parse(p[3]),
        Integer.parseInt(p[4]));
  }

  static List<RemotePeer> peers(String text) {
    List<RemotePeer> out = new ArrayList<>();
    if (text.equals("-")) {
      return out;
    }
    for (String p : text.split(",")) {
      String[] f = p.split("/");
      out.add(new RemotePeer(f[0], f[1], f[2]));
    }
    return out;
  }
}
