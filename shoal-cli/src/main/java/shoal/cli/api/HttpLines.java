package shoal.cli.api;

import java.io.IOException;
import java.io.InputStream;

/** CRLF-terminated header lines (ASCII: Engine API headers are). */
final class HttpLines {
  static final byte[] CRLF = {'\r', '\n'};
  private static final int MAX_LINE = 64 * 1024;

  private HttpLines() {}

  /** One line without its CRLF (a bare LF is accepted), or null at end of stream. */
  static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == '\r') {
          sb.setLength(len - 1);
        }
        return sb.toString();
      }
      if (sb.length() >= MAX_LINE) {
        throw new IOException("HTTP header line longer than " + MAX_LINE + " bytes");
      }
      sb.append((char) c);
    }
    return sb.isEmpty() ? null : sb.toString();
  }
}
