package shoal.cli.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The raw duplex stream of attach and exec after the daemon switched protocols: the process's
 * output comes in on {@link #input()}, stdin goes out on {@link #output()} (flushed on every
 * write, keystrokes must not wait in a buffer), {@link #closeWrite()} signals end of stdin.
 */
public final class Hijacked implements AutoCloseable {
  private final HttpConnection connection;
  private final OutputStream out;

  Hijacked(HttpConnection connection) {
    this.connection = connection;
    OutputStream raw = connection.rawOutput();
    this.out = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        raw.write(b);
        raw.flush();
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        raw.write(b, off, len);
        raw.flush();
      }
    };
  }

  public InputStream input() {
    return connection.rawInput();
  }

  public OutputStream output() {
    return out;
  }

  public void closeWrite() throws IOException {
    connection.shutdownOutput();
  }

  @Override
  public void close() {
    connection.close();
  }
}
