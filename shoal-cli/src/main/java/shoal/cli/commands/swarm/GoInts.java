package shoal.cli.commands.swarm;

import java.math.BigInteger;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Integer flags as pflag reads them ({@code strconv.ParseInt/ParseUint} with base 0, so
 * {@code 0x10} is 16), with Go's error texts.
 */
public final class GoInts {
  private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger UINT32_MAX = BigInteger.valueOf(0xffff_ffffL);

  private GoInts() {}

  public static long int64(String s) {
    return parse(s, "strconv.ParseInt", true, INT64_MIN, INT64_MAX).longValue();
  }

  /** An unsigned 64-bit value; above {@link Long#MAX_VALUE} it wraps, as the JSON writer takes longs. */
  public static long uint64(String s) {
    return parse(s, "strconv.ParseUint", false, BigInteger.ZERO, UINT64_MAX).longValue();
  }

  public static long uint32(String s) {
    return parse(s, "strconv.ParseUint", false, BigInteger.ZERO, UINT32_MAX).longValue();
  }

  private static BigInteger parse(String s, String fn, boolean signed, BigInteger min, BigInteger max) {
    String body = s;
    boolean negative = false;
    if (signed && !body.isEmpty() && (body.charAt(0) == '-' || body.charAt(0) == '+')) {
      negative = body.charAt(0) == '-';
      body = body.substring(1);
    }
    int radix = 10;
    String lower = body.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("0x") || lower.startsWith("0o") || lower.startsWith("0b")) {
      radix = lower.charAt(1) == 'x' ? 16 : lower.charAt(1) == 'o' ? 8 : 2;
      body = body.substring(2);
    } else if (body.length() > 1 && body.startsWith("0")) {
      radix = 8;
      body = body.substring(1);
    }
    int base = radix;
    if (body.isEmpty() || !body.chars().allMatch(c -> Character.digit(c, base) >= 0)) {
      throw new IllegalArgumentException(fn + ": parsing \"" + s + "\": invalid syntax");
    }
    BigInteger v = new BigInteger(body, radix);
    v = negative ? v.negate() : v;
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      throw new IllegalArgumentException(fn + ": parsing \"" + s + "\": value out of range");
    }
    return v;
  }

  private abstract static class Base implements ITypeConverter<Long> {
    abstract long parse(String s);

    @Override
    public Long convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** pflag's {@code int64}. */
  public static final class Int64 extends Base {
    @Override
    long parse(String s) {
      return int64(s);
    }
  }

  /** pflag's {@code uint64}. */
  public static final class Uint64 extends Base {
    @Override
    long parse(String s) {
      return uint64(s);
    }
  }

  /** pflag's {@code uint32}. */
  public static final class Uint32 extends Base {
    @Override
    long parse(String s) {
      return uint32(s);
    }
  }
}
