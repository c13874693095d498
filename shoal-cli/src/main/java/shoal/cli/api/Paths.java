package shoal.cli.api;

import java.nio.charset.StandardCharsets;

/** Path segments from user input (names, IDs, image references) escaped for a request target. */
public final class Paths {
  private Paths() {}

  /** Escapes all but unreserved characters and the {@code :/@} of image references. */
  public static String seg(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~:/@+".indexOf(c) >= 0) {
        sb.append(c);
      } else {
        sb.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return sb.toString();
  }
}
