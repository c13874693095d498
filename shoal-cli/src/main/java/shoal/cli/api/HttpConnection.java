package shoal.cli.api;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 exchange over a unix or TCP socket. The CLI opens a connection per request (a
 * command makes a handful), so there is no pooling and no keep-alive bookkeeping.
 */
final class HttpConnection implements Closeable {
  private static final int BUFFER = 64 * 1024;

  private final SocketChannel channel;
  private final InputStream in;
  private final OutputStream out;

  private HttpConnection(SocketChannel channel) {
    this.channel = channel;
    this.in = new BufferedInputStream(ChannelStreams.input(channel), BUFFER);
    this.out = new BufferedOutputStream(ChannelStreams.output(channel), BUFFER);
  }

  static HttpConnection open(DaemonAddress address) throws IOException {
    SocketChannel ch;
    if (address.isUnix()) {
      ch = SocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        ch.connect(address.socketAddress());
      } catch (IOException e) {
        ch.close();
        throw e;
      }
    } else {
      InetSocketAddress a = (InetSocketAddress) address.socketAddress();
      ch = SocketChannel.open(new InetSocketAddress(a.getHostString(), a.getPort()));
    }
    return new HttpConnection(ch);
  }

  /** Sends the request line, headers and body. */
  void send(String method, String target, Map<String, String> headers, RequestBody body) throws IOException {
    StringBuilder h = new StringBuilder(256);
    h.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    h.append("Host: api.moby.localhost\r\n");
    headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
    switch (body) {
      case RequestBody.None none -> {
        if (method.equals("POST") || method.equals("PUT")) {
          h.append("Content-Length: 0\r\n");
        }
      }
      case RequestBody.Bytes b -> {
        h.append("Content-Type: ").append(b.contentType()).append("\r\n");
        h.append("Content-Length: ").append(b.bytes().length).append("\r\n");
      }
      case RequestBody.Stream s -> {
        h.append("Content-Type: ").append(s.contentType()).append("\r\n");
        if (s.length() >= 0) {
          h.append("Content-Length: ").append(s.length()).append("\r\n");
        } else {
          h.append("Transfer-Encoding: chunked\r\n");
        }
      }
    }
    h.append("\r\n");
    out.write(h.toString().getBytes(StandardCharsets.UTF_8));
    switch (body) {
      case RequestBody.None none -> { }
      case RequestBody.Bytes b -> out.write(b.bytes());
      case RequestBody.Stream s -> {
        if (s.length() >= 0) {
          s.in().transferTo(out);
        } else {
          ChunkedOutputStream chunked = new ChunkedOutputStream(out);
          s.in().transferTo(chunked);
          chunked.finish();
        }
      }
    }
    out.flush();
  }

  /**
   * Reads the status line and headers. The body stream follows the response's framing; after a
   * 101 the caller owns the raw connection ({@link #rawInput()}).
   */
  HttpResponse receive(String method) throws IOException {
    String statusLine = HttpLines.readLine(in);
    if (statusLine == null) {
      throw new IOException("the daemon closed the connection without answering");
    }
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("malformed HTTP status line: " + statusLine);
    }
    int status;
    try {
      status = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("malformed HTTP status line: " + statusLine);
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    String line;
    while ((line = HttpLines.readLine(in)) != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.merge(line.substring(0, colon).strip(), line.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
      }
    }
    return new HttpResponse(status, headers, bodyStream(method, status, headers), this);
  }

  private InputStream bodyStream(String method, int status, Map<String, String> headers) {
    if (status == 101) {
      return in;
    }
    if (method.equals("HEAD") || status / 100 == 1 || status == 204 || status == 304) {
      return InputStream.nullInputStream();
    }
    String te = headers.getOrDefault("Transfer-Encoding", "").toLowerCase(Locale.ROOT);
    if (te.contains("chunked")) {
      return new ChunkedInputStream(in);
    }
    String length = headers.get("Content-Length");
    if (length != null) {
      return new LengthInputStream(in, Long.parseLong(length.strip()));
    }
    return in; // until the daemon closes the connection
  }

  /** The connection's input after the headers (buffered bytes first): for hijacked streams. */
  InputStream rawInput() {
    return in;
  }

  /** The connection's output, unbuffered framing: for hijacked streams. */
  OutputStream rawOutput() {
    return out;
  }

  /** Half-closes: the daemon sees end of stdin, output keeps coming. */
  void shutdownOutput() throws IOException {
    out.flush();
    channel.shutdownOutput();
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing a socket we are done with: nothing to do about a failure
    }
  }
}
