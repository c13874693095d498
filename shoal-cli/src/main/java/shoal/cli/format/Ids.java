package shoal.cli.format;

/** docker's short IDs: without the {@code sha256:} prefix, 12 characters. */
public final class Ids {
  private static final int SHORT = 12;

  private Ids() {}

  public static String truncate(String id) {
    int colon = id.indexOf(':');
    String bare = colon >= 0 ? id.substring(colon + 1) : id;
    return bare.length() > SHORT ? bare.substring(0, SHORT) : bare;
  }

  /** docker's Ellipsis: at most {@code max} characters, the last one an ellipsis when cut. */
  public static String ellipsis(String s, int max) {
    int n = s.codePointCount(0, s.length());
    if (n <= max) {
      return s;
    }
    if (max <= 1) {
      return "…".substring(0, Math.max(0, max));
    }
    int end = s.offsetByCodePoints(0, max - 1);
    return s.substring(0, end) + "…";
  }
}
