package shoal.cli.format;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as docker's tables show them. */
public final class Ages {
  private static final DateTimeFormatter GO_TIME_STRING =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z z", Locale.ROOT);

  private Ages() {}

  /** {@code About a minute ago}: go-units' HumanDuration of the age, plus " ago". */
  public static String ago(Instant then, Instant now) {
    return Units.humanDuration(Duration.between(then, now)) + " ago";
  }

  /** Go's {@code time.Time.String()} in the local zone: {@code 2024-05-01 10:00:00 +0000 UTC}. */
  public static String goTime(Instant t) {
    return GO_TIME_STRING.format(t.atZone(ZoneId.systemDefault()));
  }

  /** Docker's RFC 3339 timestamps (nanoseconds allowed), or the epoch when absent. */
  public static Instant parse(String rfc3339) {
    if (rfc3339 == null || rfc3339.isEmpty()) {
      return Instant.EPOCH;
    }
    try {
      return java.time.OffsetDateTime.parse(rfc3339).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
