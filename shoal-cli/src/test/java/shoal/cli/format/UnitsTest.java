package shoal.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {
  @ParameterizedTest(name = "{0} bytes, precision {1} → {2}")
  @CsvSource({
      "0, 4, 0B",
      "6, 4, 6B",
      "999, 4, 999B",
      "1000, 4, 1kB",
      "1024, 4, 1.024kB",
      "1982364, 4, 1.982MB",
      "1982364, 3, 1.98MB",
      "4260000, 3, 4.26MB",
      "123456789, 3, 123MB",
      "999999, 3, 1e+03kB",
      "5000000000, 3, 5GB",
      "1500, 3, 1.5kB"})
  void humanSizeUsesDecimalUnitsAndGosSignificantDigits(long bytes, int precision, String expected) {
    assertThat(Units.humanSize(bytes, precision)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"1023, 1023B", "1024, 1KiB", "8178892800, 7.617GiB", "1536, 1.5KiB"})
  void bytesSizeUsesBinaryUnits(long bytes, String expected) {
    assertThat(Units.bytesSize(bytes)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "PT0.5S, Less than a second",
      "PT1S, 1 second",
      "PT59S, 59 seconds",
      "PT60S, About a minute",
      "PT119S, About a minute",
      "PT2M, 2 minutes",
      "PT59M59S, 59 minutes",
      "PT60M, About an hour",
      "PT89M, About an hour",
      "PT91M, 2 hours",
      "PT47H, 47 hours",
      "PT48H, 2 days",
      "P13D, 13 days",
      "P14D, 2 weeks",
      "P59D, 8 weeks",
      "P60D, 2 months",
      "P729D, 24 months",
      "P730D, 2 years"})
  void humanDurationMatchesGoUnits(String iso, String expected) {
    assertThat(Units.humanDuration(Duration.parse(iso))).isEqualTo(expected);
  }
}
