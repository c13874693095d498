package shoal.net.bridge;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.Map;
import shoal.errors.InvalidArgumentException;
import shoal.net.PortBinding;

/**
 * Keeps the host ports of published ports. Each one is held by a bound socket that never listens
 * (as Docker does since it dropped the userland proxy): nothing else on the host can take the port,
 * the kernel finds a free one for "-p 80", and the traffic itself is DNATed before it could reach
 * the socket. The sockets die with the daemon and are taken again on its restart.
 */
public final class PortReservations implements AutoCloseable {
  private record Key(String protocol, String hostIp, int port) {}

  // Guarded by this: the held sockets.
  private final Map<Key, Closeable> held = new HashMap<>();

  /**
   * Takes the binding's host port (choosing one when it is 0) and returns the binding with it.
   *
   * @param endpointLabel names the endpoint in messages, as Docker does
   * @throws InvalidArgumentException in Docker's words when the port is taken
   */
  public synchronized PortBinding reserve(PortBinding b, String endpointLabel) {
    String shownIp = b.hostIp().isEmpty() ? "0.0.0.0" : b.hostIp();
    if (b.hostPort() != 0 && conflicts(b)) {
      throw new InvalidArgumentException("driver failed programming external connectivity on endpoint "
          + endpointLabel + ": Bind for " + shownIp + ":" + b.hostPort() + " failed: port is already allocated");
    }
    NetworkChannel ch = null;
    try {
      ch = b.protocol().equals("udp")
          ? DatagramChannel.open(StandardProtocolFamily.INET)
          : SocketChannel.open(StandardProtocolFamily.INET);
      ch.setOption(StandardSocketOptions.SO_REUSEADDR, false);
      InetAddress addr = InetAddress.getByName(shownIp);
      ch.bind(new InetSocketAddress(addr, b.hostPort()));
      int port = ((InetSocketAddress) ch.getLocalAddress()).getPort();
      PortBinding chosen = new PortBinding(b.protocol(), b.containerPort(), b.hostIp(), port);
      if (b.hostPort() == 0 && conflicts(chosen)) {
        // The kernel knows only sockets, not our wildcard/specific overlap: refuse rather than double up.
        throw new IOException("port " + port + " is already allocated");
      }
      held.put(new Key(b.protocol(), b.hostIp(), port), ch);
      return chosen;
    } catch (IOException e) {
      closeQuietly(ch);
      throw new InvalidArgumentException("driver failed programming external connectivity on endpoint "
          + endpointLabel + ": failed to bind host port " + shownIp + ":" + b.hostPort() + "/" + b.protocol()
          + ": " + e.getMessage(), e);
    }
  }

  /** Gives the port back; unknown bindings are ignored. */
  public synchronized void release(PortBinding b) {
    closeQuietly(held.remove(new Key(b.protocol(), b.hostIp(), b.hostPort())));
  }

  private boolean conflicts(PortBinding b) {
    for (Key k : held.keySet()) {
      if (k.protocol().equals(b.protocol()) && k.port() == b.hostPort()
          && (k.hostIp().isEmpty() || b.hostIp().isEmpty() || k.hostIp().equals(b.hostIp()))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized void close() {
    held.values().forEach(PortReservations::closeQuietly);
    held.clear();
  }

  private static void closeQuietly(Closeable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException ignored) {
      // Closing a socket we only held cannot lose anything.
    }
  }
}
