package shoal.cli.opts;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code -p} mapping as docker parses it (nat.ParsePortSpec): {@code [[IP:]HOST:]CONTAINER[/PROTO]}
 * with ranges ({@code 8000-8001:80-81}) and bracketed IPv6 addresses.
 *
 * @param port the container side, e.g. {@code 80/tcp}
 * @param hostIp empty for all addresses
 * @param hostPort empty for one the daemon picks
 */
public record PortSpec(String port, String hostIp, String hostPort) {
  public static List<PortSpec> parse(String raw) {
    String[] parts = raw.split(":", -1);
    int n = parts.length;
    String containerPort = parts[n - 1];
    String ip = "";
    String hostPort = "";
    if (n == 2) {
      hostPort = parts[0];
    } else if (n == 3) {
      ip = parts[0];
      hostPort = parts[1];
    } else if (n > 3) {
      ip = String.join(":", java.util.Arrays.copyOfRange(parts, 0, n - 2));
      hostPort = parts[n - 2];
    }
    String proto = "tcp";
    String[] pp = containerPort.split("/", -1);
    if (containerPort.isEmpty() || pp[0].isEmpty()) {
      containerPort = "";
    } else if (pp.length > 1) {
      containerPort = pp[0];
      proto = pp[1].isEmpty() ? "tcp" : pp[1];
    }
    if (ip.startsWith("[")) {
      if (!ip.endsWith("]")) {
        throw new IllegalArgumentException("invalid IP address " + ip + ": missing ']' in address");
      }
      ip = ip.substring(1, ip.length() - 1);
    }
    if (!ip.isEmpty() && !isIp(ip)) {
      throw new IllegalArgumentException("invalid IP address: " + ip);
    }
    if (containerPort.isEmpty()) {
      throw new IllegalArgumentException("no port specified: " + raw + "<empty>");
    }
    long[] c = range(containerPort);
    if (c == null) {
      throw new IllegalArgumentException("invalid containerPort: " + containerPort);
    }
    long[] h = {0, 0};
    if (!hostPort.isEmpty()) {
      h = range(hostPort);
      if (h == null) {
        throw new IllegalArgumentException("invalid hostPort: " + hostPort);
      }
    }
    if (!hostPort.isEmpty() && (c[1] - c[0]) != (h[1] - h[0]) && c[1] != c[0]) {
      throw new IllegalArgumentException(
          "invalid ranges specified for container and host Ports: " + containerPort + " and " + hostPort);
    }
    String p = proto.toLowerCase(Locale.ROOT);
    if (!p.equals("tcp") && !p.equals("udp") && !p.equals("sctp")) {
      throw new IllegalArgumentException("invalid proto: " + proto);
    }
    List<PortSpec> out = new ArrayList<>();
    for (long i = 0; i <= c[1] - c[0]; i++) {
      String hp = hostPort.isEmpty() ? "" : Long.toString(h[0] + i);
      if (c[0] == c[1] && h[0] != h[1]) {
        hp = h[0] + "-" + h[1]; // one container port, a range of host ports to pick from
      }
      out.add(new PortSpec((c[0] + i) + "/" + p, ip, hp));
    }
    return out;
  }

  /** {@code 80} or {@code 80-90} as {start, end}; null if not valid ports. */
  private static long[] range(String s) {
    String[] se = s.split("-", -1);
    if (se.length > 2) {
      return null;
    }
    try {
      long start = Long.parseLong(se[0]);
      long end = se.length == 2 ? Long.parseLong(se[1]) : start;
      if (start < 0 || end > 65535 || end < start) {
        return null;
      }
      return new long[] {start, end};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isIp(String s) {
    if (!s.matches("[0-9a-fA-F.:]+")) {
      return false; // never let InetAddress resolve a name
    }
    try {
      InetAddress.getByName(s);
      return true;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
