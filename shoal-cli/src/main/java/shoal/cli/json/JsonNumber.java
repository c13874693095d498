package shoal.cli.json;

import java.math.BigDecimal;

/**
 * A JSON number kept as the daemon wrote it, so templates print {@code 1700000000} rather than
 * {@code 1.7E9} (Go's json.Number does the same for docker's raw inspect).
 */
public record JsonNumber(String text) {
  public static JsonNumber of(long v) {
    return new JsonNumber(Long.toString(v));
  }

  public BigDecimal decimal() {
    return new BigDecimal(text);
  }

  public boolean isIntegral() {
    return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
  }

  public long longValue() {
    return isIntegral() ? Long.parseLong(text) : decimal().longValue();
  }

  @Override
  public String toString() {
    return text;
  }
}
