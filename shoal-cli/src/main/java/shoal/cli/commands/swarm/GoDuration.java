package shoal.cli.commands.swarm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Go's {@code time.ParseDuration}, the syntax of docker's duration flags ({@code 5s},
 * {@code 2160h0m0s}, {@code 1.5h}, {@code 300ms}), with Go's error texts.
 */
public final class GoDuration {
  private static final Map<String, Long> UNITS = Map.of(
      "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
      "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private GoDuration() {}

  /** @throws IllegalArgumentException with Go's message, e.g. {@code time: missing unit in duration "5"} */
  public static Duration parse(String text) {
    String quoted = "\"" + text + "\"";
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(quoted);
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
        throw invalid(quoted);
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw new IllegalArgumentException("time: missing unit in duration " + quoted);
      }
      Long nanos = UNITS.get(unit);
      if (nanos == null) {
        throw new IllegalArgumentException("time: unknown unit \"" + unit + "\" in duration " + quoted);
      }
      String digits = number.startsWith(".") ? "0" + number : number.endsWith(".") ? number + "0" : number;
      total = total.add(new BigDecimal(digits).multiply(BigDecimal.valueOf(nanos)));
    }
    BigInteger n = total.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    if (n.compareTo(MAX) > 0) {
      throw invalid(quoted);
    }
    long v = n.longValueExact();
    return Duration.ofNanos(negative ? -v : v);
  }

  private static IllegalArgumentException invalid(String quoted) {
    return new IllegalArgumentException("time: invalid duration " + quoted);
  }

  /** For picocli options of type {@link Duration}. */
  public static final class Converter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
