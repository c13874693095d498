package shoal.cli.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A response whose body is read as it arrives (streams like {@code logs -f} never end on their
 * own). Closing it closes the connection.
 */
public final class HttpResponse implements AutoCloseable {
  private final int status;
  private final Map<String, String> headers; // case-insensitive names
  private final InputStream body;
  private final HttpConnection connection;

  HttpResponse(int status, Map<String, String> headers, InputStream body, HttpConnection connection) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.connection = connection;
  }

  public int status() {
    return status;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  public InputStream body() {
    return body;
  }

  public byte[] bodyBytes() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    body.transferTo(buf);
    return buf.toByteArray();
  }

  public String bodyText() throws IOException {
    return new String(bodyBytes(), StandardCharsets.UTF_8);
  }

  HttpConnection connection() {
    return connection;
  }

  @Override
  public void close() {
    connection.close();
  }
}
