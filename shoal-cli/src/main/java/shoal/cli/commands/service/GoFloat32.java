package shoal.cli.commands.service;

import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import shoal.cli.json.JsonNumber;

/**
 * pflag's {@code float} flags of services (Go's {@code strconv.ParseFloat(s, 32)}), kept as the
 * shortest decimal of the float32, the way Go writes it in JSON ({@code 0.1}, not {@code 0.10000000149}).
 */
final class GoFloat32 implements ITypeConverter<JsonNumber> {
  @Override
  public JsonNumber convert(String value) {
    float f;
    try {
      if (!value.strip().equals(value) || value.endsWith("d") || value.endsWith("f") || value.endsWith("D") || value.endsWith("F")) {
        throw new NumberFormatException();
      }
      f = Float.parseFloat(value);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("strconv.ParseFloat: parsing \"" + value + "\": invalid syntax");
    }
    if (!Float.isFinite(f)) {
      throw new TypeConversionException("strconv.ParseFloat: parsing \"" + value + "\": value out of range");
    }
    BigDecimal d = new BigDecimal(Float.toString(f)).stripTrailingZeros();
    return new JsonNumber(d.scale() < 0 ? d.toBigInteger().toString() : d.toPlainString());
  }
}
