package shoal.cli.api;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.Map;

/** Where the daemon listens: {@code unix:///run/shoal.sock} or {@code tcp://HOST:PORT}. */
public record DaemonAddress(String uri, SocketAddress socketAddress) {
  public static final String DEFAULT = "unix:///run/shoal.sock";
  private static final int DEFAULT_TCP_PORT = 2375;

  /** {@code -H} if given, else {@code SHOAL_HOST}, else {@code DOCKER_HOST}, else the default socket. */
  public static DaemonAddress select(String flag, Map<String, String> env) {
    if (flag != null && !flag.isBlank()) {
      return parse(flag);
    }
    for (String var : new String[] {"SHOAL_HOST", "DOCKER_HOST"}) {
      String v = env.get(var);
      if (v != null && !v.isBlank()) {
        return parse(v);
      }
    }
    return parse(DEFAULT);
  }

  public static DaemonAddress parse(String raw) {
    String s = raw.strip();
    if (s.startsWith("unix://")) {
      String path = s.substring("unix://".length());
      if (path.isEmpty()) {
        throw new IllegalArgumentException("invalid host: " + raw + " (a unix socket needs a path)");
      }
      return new DaemonAddress(s, UnixDomainSocketAddress.of(path));
    }
    if (s.startsWith("/")) {
      return new DaemonAddress("unix://" + s, UnixDomainSocketAddress.of(s));
    }
    if (s.startsWith("tcp://")) {
      String hostPort = s.substring("tcp://".length());
      int slash = hostPort.indexOf('/');
      if (slash >= 0) {
        hostPort = hostPort.substring(0, slash);
      }
      String host;
      int port = DEFAULT_TCP_PORT;
      int colon = hostPort.lastIndexOf(':');
      if (hostPort.startsWith("[")) {
        int close = hostPort.indexOf(']');
        host = hostPort.substring(1, close);
        if (close + 1 < hostPort.length()) {
          port = parsePort(hostPort.substring(close + 2), raw);
        }
      } else if (colon >= 0) {
        host = hostPort.substring(0, colon);
        port = parsePort(hostPort.substring(colon + 1), raw);
      } else {
        host = hostPort;
      }
      if (host.isEmpty()) {
        host = "127.0.0.1";
      }
      return new DaemonAddress(s, InetSocketAddress.createUnresolved(host, port));
    }
    throw new IllegalArgumentException("invalid host: " + raw + " (use unix:///path or tcp://host:port)");
  }

  private static int parsePort(String p, String raw) {
    try {
      int port = Integer.parseInt(p);
      if (port > 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException("invalid host: " + raw + " (bad port " + p + ")");
  }

  public boolean isUnix() {
    return socketAddress instanceof UnixDomainSocketAddress;
  }

  @Override
  public String toString() {
    return uri;
  }
}
