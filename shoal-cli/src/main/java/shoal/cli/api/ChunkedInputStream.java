package shoal.cli.api;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** The body of a response sent with {@code Transfer-Encoding: chunked}. */
final class ChunkedInputStream extends InputStream {
  private final InputStream in;
  private long remaining; // in the current chunk
  private boolean done;

  ChunkedInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (done) {
      return -1;
    }
    if (remaining == 0) {
      remaining = nextChunkSize();
      if (remaining == 0) {
        skipTrailers();
        done = true;
        return -1;
      }
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw new EOFException("connection closed inside a chunk");
    }
    remaining -= n;
    if (remaining == 0) {
      expectCrlf();
    }
    return n;
  }

  @Override
  public int available() throws IOException {
    return (int) Math.min(remaining, in.available());
  }

  private long nextChunkSize() throws IOException {
    String line = HttpLines.readLine(in);
    if (line == null) {
      throw new EOFException("connection closed before the last chunk");
    }
    int semi = line.indexOf(';');
    String hex = (semi >= 0 ? line.substring(0, semi) : line).strip();
    try {
      return Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      throw new IOException("bad chunk size: " + line);
    }
  }

  private void expectCrlf() throws IOException {
    String line = HttpLines.readLine(in);
    if (line == null || !line.isEmpty()) {
      throw new IOException("chunk not followed by CRLF");
    }
  }

  private void skipTrailers() throws IOException {
    String line;
    do {
      line = HttpLines.readLine(in);
    } while (line != null && !line.isEmpty());
  }
}
