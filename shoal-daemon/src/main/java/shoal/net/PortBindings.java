package shoal.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import shoal.errors.InvalidArgumentException;
import shoal.net.ipam.Ipv4Address;

/**
 * Docker's {@code HostConfig.PortBindings} ({@code {"80/tcp":[{"HostIp":"","HostPort":"8080"}]}}) as
 * {@link PortBinding}s, checked. The docker CLI sends {@code -p 8080:80} this way; an empty
 * HostPort ({@code -p 80}) asks for a free port to be chosen.
 */
public final class PortBindings {
  private PortBindings() {}

  /**
   * @param bindings port key ({@code 80}, {@code 80/tcp}, {@code 53/udp}) to its host bindings, each
   *     a map with HostIp and HostPort
   * @throws InvalidArgumentException naming the bad part
   */
  public static List<PortBinding> parse(Map<String, List<Map<String, String>>> bindings) {
    List<PortBinding> out = new ArrayList<>();
    if (bindings == null) {
      return out;
    }
    for (var e : new TreeMap<>(bindings).entrySet()) {
      String key = e.getKey();
      int slash = key.indexOf('/');
      String proto = slash < 0 ? "tcp" : key.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
      int containerPort = port(slash < 0 ? key : key.substring(0, slash), "invalid containerPort: " + key, false);
      if (!proto.equals("tcp") && !proto.equals("udp")) {
        throw new InvalidArgumentException("invalid proto: " + proto + " (tcp or udp)");
      }
      List<Map<String, String>> hosts = e.getValue() == null || e.getValue().isEmpty()
          ? List.of(Map.of())
          : e.getValue();
      for (Map<String, String> h : hosts) {
        String hostIp = h == null ? "" : h.getOrDefault("HostIp", "");
        String hostPort = h == null ? "" : h.getOrDefault("HostPort", "");
        if (hostIp == null || hostIp.equals("0.0.0.0")) {
          hostIp = "";
        }
        if (hostIp.contains(":")) {
          // IPv6 bindings ("::") mirror the IPv4 ones Shoal already makes; Shoal has no IPv6 yet.
          continue;
        }
        if (!hostIp.isEmpty() && Ipv4Address.tryParse(hostIp) == null) {
          throw new InvalidArgumentException("invalid IP address: " + hostIp);
        }
        if (hostPort != null && hostPort.contains("-")) {
          throw new InvalidArgumentException("host port ranges are not supported: " + hostPort);
        }
        int hp = hostPort == null || hostPort.isEmpty() ? 0 : port(hostPort, "invalid hostPort: " + hostPort, true);
        out.add(new PortBinding(proto, containerPort, hostIp, hp));
      }
    }
    return out;
  }

  /**
   * Checks one binding as given by a caller and normalises it: protocol tcp when empty, host IP
   * empty for 0.0.0.0.
   *
   * @throws InvalidArgumentException naming the bad part
   */
  public static PortBinding check(PortBinding p) {
    String proto = p.protocol() == null || p.protocol().isEmpty() ? "tcp" : p.protocol();
    if (!proto.equals("tcp") && !proto.equals("udp")) {
      throw new InvalidArgumentException("invalid proto: " + p.protocol());
    }
    if (p.containerPort() < 1 || p.containerPort() > 65535) {
      throw new InvalidArgumentException("invalid containerPort: " + p.containerPort());
    }
    if (p.hostPort() < 0 || p.hostPort() > 65535) {
      throw new InvalidArgumentException("invalid hostPort: " + p.hostPort());
    }
    String hostIp = p.hostIp() == null || p.hostIp().equals("0.0.0.0") ? "" : p.hostIp();
    if (!hostIp.isEmpty() && Ipv4Address.tryParse(hostIp) == null) {
      throw new InvalidArgumentException("invalid host IP for published port: " + p.hostIp());
    }
    return new PortBinding(proto, p.containerPort(), hostIp, p.hostPort());
  }

  private static int port(String text, String message, boolean zeroAllowed) {
    try {
      int p = Integer.parseInt(text);
      if (p < (zeroAllowed ? 0 : 1) || p > 65535) {
        throw new InvalidArgumentException(message);
      }
      return p;
    } catch (NumberFormatException e) {
      throw new InvalidArgumentException(message);
    }
  }
}
