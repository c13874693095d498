package shoal.cli.api;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes Docker's multiplexed stream (logs and attach of a container without a TTY): frames of an
 * 8-byte header (stream 0 stdin, 1 stdout, 2 stderr, 3 the daemon's error; three zero bytes; a
 * big-endian uint32 length) and the payload.
 */
public final class StdStreams {
  private static final int HEADER = 8;
  private static final int SYSTEM_ERR = 3;

  private StdStreams() {}

  /**
   * Copies frames to {@code stdout}/{@code stderr} until the stream ends, flushing after each
   * frame so followed logs appear as they are written.
   *
   * @throws IOException the stream ended inside a frame, or the daemon sent an error frame
   */
  public static void demux(InputStream in, OutputStream stdout, OutputStream stderr) throws IOException {
    byte[] header = new byte[HEADER];
    byte[] buf = new byte[32 * 1024];
    while (true) {
      int got = in.readNBytes(header, 0, HEADER);
      if (got == 0) {
        return;
      }
      if (got < HEADER) {
        throw new EOFException("unexpected EOF in a stream frame header");
      }
      int stream = header[0];
      long size = ((header[4] & 0xffL) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
      if (stream == SYSTEM_ERR) {
        byte[] msg = in.readNBytes((int) Math.min(size, 1 << 20));
        throw new IOException("error from daemon in stream: " + new String(msg, StandardCharsets.UTF_8));
      }
      OutputStream target = switch (stream) {
        case 0, 1 -> stdout;
        case 2 -> stderr;
        default -> throw new IOException("unrecognized input header: " + stream);
      };
      long left = size;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new EOFException("unexpected EOF inside a stream frame");
        }
        target.write(buf, 0, n);
        left -= n;
      }
      target.flush();
    }
  }

  /** Copies a raw (TTY) stream, flushing after every read. */
  public static void copyRaw(InputStream in, OutputStream out) throws IOException {
    byte[] buf = new byte[32 * 1024];
    int n;
    while ((n = in.read(buf)) >= 0) {
      out.write(buf, 0, n);
      out.flush();
    }
  }
}
