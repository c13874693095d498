package shoal.cli.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP server on a unix socket for the client's tests: each accepted connection is handed
 * to a scripted handler that reads the raw request and writes a raw answer.
 */
final class FakeDaemon implements AutoCloseable {
  interface Handler {
    void handle(Request request, OutputStream out, SocketChannel ch) throws IOException;
  }

  record Request(String line, List<String> headers, byte[] body) {
    String header(String name) {
      for (String h : headers) {
        int c = h.indexOf(':');
        if (h.substring(0, c).equalsIgnoreCase(name)) {
          return h.substring(c + 1).strip();
        }
      }
      return null;
    }
  }

  private final Path dir;
  private final ServerSocketChannel server;
  private final Thread acceptor;
  final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeDaemon(Handler handler) throws IOException {
    dir = Files.createTempDirectory("fake-daemon");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(dir.resolve("d.sock")));
    acceptor = Thread.ofPlatform().daemon().start(() -> {
      while (server.isOpen()) {
        try {
          SocketChannel ch = server.accept();
          Thread.ofPlatform().daemon().start(() -> serve(ch, handler));
        } catch (IOException closed) {
          return;
        }
      }
    });
  }

  DaemonAddress address() {
    return DaemonAddress.parse("unix://" + dir.resolve("d.sock"));
  }

  private void serve(SocketChannel ch, Handler handler) {
    try (ch) {
      InputStream in = Channels.newInputStream(ch);
      Request r = readRequest(in);
      requests.add(r);
      handler.handle(r, Channels.newOutputStream(ch), ch);
    } catch (IOException e) {
      // the test's client went away
    }
  }

  private static Request readRequest(InputStream in) throws IOException {
    String line = readLine(in);
    List<String> headers = new ArrayList<>();
    String h;
    while (!(h = readLine(in)).isEmpty()) {
      headers.add(h);
    }
    Request head = new Request(line, headers, new byte[0]);
    byte[] body = new byte[0];
    if (head.header("Content-Length") != null) {
      body = in.readNBytes(Integer.parseInt(head.header("Content-Length")));
    } else if ("chunked".equals(head.header("Transfer-Encoding"))) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      int n;
      while ((n = Integer.parseInt(readLine(in), 16)) > 0) {
        b.write(in.readNBytes(n));
        readLine(in);
      }
      readLine(in);
      body = b.toByteArray();
    }
    return new Request(line, headers, body);
  }

  static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    acceptor.interrupt();
    Files.deleteIfExists(dir.resolve("d.sock"));
    Files.deleteIfExists(dir);
  }
}
