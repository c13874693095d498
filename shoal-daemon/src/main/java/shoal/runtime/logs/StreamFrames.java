package shoal.runtime.logs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Docker's multiplexed stream, used by attach, logs and exec when there is no terminal: each frame
 * is an 8-byte header (stream: 0 stdin, 1 stdout, 2 stderr; three zero bytes; payload length, big
 * endian) followed by the payload.
 */
public final class StreamFrames {
  public static final int STDIN = 0;
  public static final int STDOUT = 1;
  public static final int STDERR = 2;

  private StreamFrames() {}

  public static byte[] header(int stream, int length) {
    return new byte[] {
      (byte) stream, 0, 0, 0,
      (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length
    };
  }

  /** Writes one frame; empty payloads are skipped, since a zero-length frame means nothing. */
  public static void write(OutputStream out, int stream, byte[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return;
    }
    byte[] frame = new byte[8 + len];
    System.arraycopy(header(stream, len), 0, frame, 0, 8);
    System.arraycopy(buf, off, frame, 8, len);
    out.write(frame);
  }

  /** One decoded frame. */
  public record Frame(int stream, byte[] payload) {}

  /** Reads the next frame, or null at the end of the stream. */
  public static Frame read(InputStream in) throws IOException {
    byte[] h = in.readNBytes(8);
    if (h.length == 0) {
      return null;
    }
    if (h.length < 8) {
      throw new IOException("truncated frame header");
    }
    int len = ((h[4] & 0xff) << 24) | ((h[5] & 0xff) << 16) | ((h[6] & 0xff) << 8) | (h[7] & 0xff);
    byte[] p = in.readNBytes(len);
    if (p.length < len) {
      throw new IOException("truncated frame");
    }
    return new Frame(h[0], p);
  }
}
