package shoal.swarm;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import shoal.cluster.ClusterServer;
import shoal.errors.InvalidArgumentException;

/**
 * The addresses of a swarm node: where it listens and where others reach it. A manager's cluster
 * port (default 2377) serves the CA and the dispatcher; its Raft port is the next one (2378).
 */
final class Addresses {
  static final int DEFAULT_PORT = ClusterServer.DEFAULT_PORT;

  private Addresses() {}

  /** A host (IP address or interface name) and a port. */
  record HostPort(String host, int port) {
    @Override
    public String toString() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    InetSocketAddress socket() {
      return new InetSocketAddress(host, port);
    }
  }

  /**
   * Reads {@code host[:port]}, where host is an IP address or an interface name (replaced by its
   * IPv4 address); the port defaults to {@code defaultPort}.
   */
  static HostPort parse(String value, int defaultPort, String what) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      throw new InvalidArgumentException("invalid " + what + ": empty address");
    }
    String host = v;
    int port = defaultPort;
    int colon = v.lastIndexOf(':');
    if (v.startsWith("[")) {
      int end = v.indexOf(']');
      if (end < 0) {
        throw new InvalidArgumentException("invalid " + what + " \"" + v + "\"");
      }
      host = v.substring(1, end);
      if (end + 1 < v.length()) {
        port = port(v.substring(end + 2), v, what);
      }
    } else if (colon >= 0 && v.indexOf(':') == colon) {
      host = v.substring(0, colon);
      port = port(v.substring(colon + 1), v, what);
    }
    return new HostPort(resolve(host, what), port);
  }

  private static int port(String s, String v, String what) {
    try {
      int p = Integer.parseInt(s);
      if (p > 0 && p < 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new InvalidArgumentException("invalid " + what + " \"" + v + "\": invalid port \"" + s + "\"");
  }

  private static String resolve(String host, String what) {
    if (host.isEmpty()) {
      return "0.0.0.0";
    }
    if (host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
      try {
        return InetAddress.ofLiteral(host).getHostAddress();
      } catch (IllegalArgumentException e) {
        throw new InvalidArgumentException("invalid " + what + " \"" + host + "\": not an IP address");
      }
    }
    try {
      NetworkInterface nic = NetworkInterface.getByName(host);
      if (nic != null) {
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a instanceof Inet4Address) {
            return a.getHostAddress();
          }
        }
        throw new InvalidArgumentException("interface " + host + " has no usable IPv4 address");
      }
    } catch (SocketException e) {
      // not an interface either
    }
    throw new InvalidArgumentException("failed to resolve " + what + " \"" + host
        + "\": not an IP address or the name of an interface");
  }

  static boolean isUnspecified(String ip) {
    return ip.equals("0.0.0.0") || ip.equals("::") || ip.equals("0:0:0:0:0:0:0:0");
  }

  /**
   * The address to advertise when none was given: the system's only global IPv4 address outside
   * bridges (Docker's rule: fail rather than guess when there are several).
   */
  static String systemAddress() {
    List<String[]> found = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback() || Files.isDirectory(Path.of("/sys/class/net", nic.getName(), "bridge"))) {
          continue;
        }
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a instanceof Inet4Address && !a.isLinkLocalAddress() && !a.isLoopbackAddress()) {
            found.add(new String[] {a.getHostAddress(), nic.getName()});
          }
        }
      }
    } catch (SocketException e) {
      throw new InvalidArgumentException("could not find the system's IP address - specify one with --advertise-addr", e);
    }
    if (found.isEmpty()) {
      throw new InvalidArgumentException("could not find the system's IP address - specify one with --advertise-addr");
    }
    if (found.size() > 1) {
      throw new InvalidArgumentException("could not choose an IP address to advertise since this system has multiple addresses on different interfaces ("
          + found.get(0)[0] + " on " + found.get(0)[1] + " and " + found.get(1)[0] + " on " + found.get(1)[1] + ")");
    }
    return found.getFirst()[0];
  }

  /** The local address this host uses to reach {@code remote} (no packet is sent). */
  static String towards(HostPort remote) {
    try (DatagramSocket s = new DatagramSocket()) {
      s.connect(remote.socket());
      InetAddress local = s.getLocalAddress();
      if (local == null || local.isAnyLocalAddress()) {
        throw new InvalidArgumentException("no route to " + remote + ": specify --advertise-addr");
      }
      return local.getHostAddress();
    } catch (IOException e) {
      throw new InvalidArgumentException("no route to " + remote + ": " + e.getMessage(), e);
    }
  }

  /** The host of a host:port. */
  static String hostOf(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** The cluster address (host:port) of the manager whose Raft server listens at {@code raftAddr}. */
  static String clusterOfRaft(String raftAddr) {
    int colon = raftAddr.lastIndexOf(':');
    try {
      return raftAddr.substring(0, colon) + ":" + (Integer.parseInt(raftAddr.substring(colon + 1)) - 1);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a host:port Raft address: " + raftAddr, e);
    }
  }

  /** The Raft address of the manager whose cluster address is {@code cluster}. */
  static HostPort raftOf(HostPort cluster) {
    return new HostPort(cluster.host(), cluster.port() + 1);
  }
}
