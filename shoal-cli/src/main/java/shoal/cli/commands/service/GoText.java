package shoal.cli.commands.service;

import java.math.BigDecimal;
import java.util.List;

/** Values as Go's fmt prints them in docker's templates: durations, floats, string slices. */
final class GoText {
  private static final long SECOND = 1_000_000_000L;

  private GoText() {}

  /** {@code time.Duration.String()}: {@code 0s}, {@code 500ms}, {@code 1.5s}, {@code 2m0s}, {@code 1h0m0s}. */
  static String duration(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    BigDecimal abs = BigDecimal.valueOf(nanos).abs();
    if (abs.compareTo(BigDecimal.valueOf(SECOND)) < 0) {
      long u = abs.longValueExact();
      if (u < 1_000) {
        return sign + u + "ns";
      }
      return sign + (u < 1_000_000 ? fraction(u, 1_000) + "µs" : fraction(u, 1_000_000) + "ms");
    }
    long u = abs.longValue();
    long secs = u / SECOND;
    StringBuilder sb = new StringBuilder(fraction(secs % 60 * SECOND + u % SECOND, SECOND)).append('s');
    long mins = secs / 60;
    if (mins > 0) {
      sb.insert(0, mins % 60 + "m");
      long hours = mins / 60;
      if (hours > 0) {
        sb.insert(0, hours + "h");
      }
    }
    return sign + sb;
  }

  private static String fraction(long value, long unit) {
    BigDecimal d = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros();
    return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
  }

  /** A float as {@code %v} prints it: the shortest form, no exponent for everyday values. */
  static String number(Object v) {
    BigDecimal d = v == null ? BigDecimal.ZERO : new BigDecimal(v.toString()).stripTrailingZeros();
    return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
  }

  /** {@code []string} as {@code %v}: {@code [a b c]}. */
  static String list(List<String> values) {
    return "[" + String.join(" ", values) + "]";
  }
}
