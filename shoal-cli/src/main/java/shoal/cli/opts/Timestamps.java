package shoal.cli.opts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --since}/{@code --until} values as docker's timetypes.GetTimestamp reads them: a Go
 * duration ({@code 10m}, {@code 1h30m}) before now, an RFC 3339 time or date, or Unix seconds.
 * The result is what the API takes: seconds since the epoch with an optional fraction.
 */
public final class Timestamps {
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  private Timestamps() {}

  public static String toApi(String value, Instant now) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    Duration d = parseGoDuration(value);
    if (d != null) {
      Instant t = now.minus(d);
      return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
    }
    if (value.matches("\\d+(\\.\\d+)?")) {
      return value;
    }
    Instant t = parseTime(value);
    return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
  }

  static Duration parseGoDuration(String s) {
    if (!s.matches("(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+")) {
      return null;
    }
    Matcher m = DURATION_PART.matcher(s);
    BigDecimal nanos = BigDecimal.ZERO;
    while (m.find()) {
      BigDecimal n = new BigDecimal(m.group(1));
      long unit = switch (m.group(2)) {
        case "ns" -> 1L;
        case "us", "µs" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      };
      nanos = nanos.add(n.multiply(BigDecimal.valueOf(unit)));
    }
    return Duration.ofNanos(nanos.longValue());
  }

  private static Instant parseTime(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(s).atZone(ZoneId.systemDefault()).toInstant();
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(s).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException notDate) {
          throw new IllegalArgumentException("invalid value for timestamp: \"" + s + "\"");
        }
      }
    }
  }
}
