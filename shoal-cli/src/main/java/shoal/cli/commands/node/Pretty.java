package shoal.cli.commands.node;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** docker's {@code formatter.PrettyPrint}: how node states and times read in its outputs. */
final class Pretty {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private Pretty() {}

  /** First letter upper case, the rest lower case ({@code ready} → {@code Ready}); one letter is lowered. */
  static String capitalize(String s) {
    return switch (s.length()) {
      case 0 -> s;
      case 1 -> s.toLowerCase(Locale.ROOT);
      default -> s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    };
  }

  /**
   * An RFC 3339 time of the API as Go's {@code time.Time.String()} prints it after
   * {@link #capitalize}: {@code 2026-11-25 08:58:57.5 +0000 utc}. The text is returned unchanged
   * when it is not a time.
   */
  static String time(String rfc3339) {
    OffsetDateTime t;
    try {
      t = OffsetDateTime.parse(rfc3339);
    } catch (DateTimeParseException e) {
      return capitalize(rfc3339);
    }
    StringBuilder sb = new StringBuilder(DATE_TIME.format(t));
    if (t.getNano() != 0) {
      String frac = String.format(Locale.ROOT, "%09d", t.getNano()).replaceFirst("0+$", "");
      sb.append('.').append(frac);
    }
    int secs = t.getOffset().getTotalSeconds();
    String offset = String.format(Locale.ROOT, "%s%02d%02d", secs < 0 ? "-" : "+", Math.abs(secs) / 3600, Math.abs(secs) / 60 % 60);
    // Go names the zone UTC for a "Z" time; a numeric offset gets a nameless zone, printed as the offset.
    boolean utc = rfc3339.endsWith("Z") || rfc3339.endsWith("z");
    sb.append(' ').append(offset).append(' ').append(utc && t.getOffset().equals(ZoneOffset.UTC) ? "UTC" : offset);
    return capitalize(sb.toString());
  }
}
