package shoal.cli.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;

/** Sizes and durations as docker prints them (go-units). */
public final class Units {
  private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};

  private Units() {}

  /** {@code 4.26MB}: decimal units, 4 significant digits (go-units' HumanSize). */
  public static String humanSize(double bytes) {
    return humanSize(bytes, 4);
  }

  /** go-units' HumanSizeWithPrecision: Go's {@code %.<precision>g} of the size, then the unit. */
  public static String humanSize(double bytes, int precision) {
    double size = bytes;
    int i = 0;
    while (size >= 1000 && i < DECIMAL.length - 1) {
      size /= 1000;
      i++;
    }
    return formatG(size, precision) + DECIMAL[i];
  }

  /** {@code 7.617GiB}: binary units, 4 significant digits (go-units' BytesSize, for memory). */
  public static String bytesSize(double bytes) {
    double size = bytes;
    int i = 0;
    while (size >= 1024 && i < BINARY.length - 1) {
      size /= 1024;
      i++;
    }
    return formatG(size, 4) + BINARY[i];
  }

  /** Go's {@code %.Ng} for values that need no exponent here (below 1000 after scaling). */
  public static String formatG(double v, int precision) {
    if (v == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(precision, RoundingMode.HALF_EVEN));
    int exp = d.precision() - d.scale() - 1;
    if (exp < -4 || exp >= precision) {
      return goExponent(d, precision);
    }
    return d.stripTrailingZeros().toPlainString();
  }

  private static String goExponent(BigDecimal d, int precision) {
    String digits = d.unscaledValue().abs().toString();
    int exp = d.precision() - d.scale() - 1;
    String mant = digits.substring(0, 1);
    String frac = digits.substring(1).replaceAll("0+$", "");
    if (!frac.isEmpty()) {
      mant += "." + frac;
    }
    String sign = d.signum() < 0 ? "-" : "";
    return sign + mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
  }

  /** {@code About a minute}, {@code 3 hours}, {@code 2 weeks}: go-units' HumanDuration. */
  public static String humanDuration(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < 1) {
      return "Less than a second";
    } else if (seconds == 1) {
      return "1 second";
    } else if (seconds < 60) {
      return seconds + " seconds";
    }
    long minutes = d.toMinutes();
    if (minutes == 1) {
      return "About a minute";
    } else if (minutes < 60) {
      return minutes + " minutes";
    }
    long hours = Math.round(d.toNanos() / 3_600_000_000_000.0);
    if (hours == 1) {
      return "About an hour";
    } else if (hours < 48) {
      return hours + " hours";
    } else if (hours < 24 * 7 * 2) {
      return hours / 24 + " days";
    } else if (hours < 24 * 30 * 2) {
      return hours / 24 / 7 + " weeks";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 / 30 + " months";
    }
    return d.toHours() / 24 / 365 + " years";
  }
}
