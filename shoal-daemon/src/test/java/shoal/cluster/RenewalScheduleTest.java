package shoal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RenewalScheduleTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant END = START.plus(Duration.ofDays(90));

  /** A generator whose nextDouble() is always {@code u}. */
  private static RandomGenerator fixed(double u) {
    return () -> (long) (u * 0x1p53) << 11;
  }

  @ParameterizedTest
  @CsvSource({"0.0, 45", "0.5, 58.5", "0.99999, 71.99973"})
  void renewalFallsAtTheRandomPointOfHalfToFourFifthsOfTheLife(double u, double days) {
    Instant at = RenewalSchedule.renewAt(START, END, fixed(u));
    assertThat(Duration.between(START, at).toMillis() / 86_400_000.0).isCloseTo(days, org.assertj.core.data.Offset.offset(0.001));
  }

  @Test
  void renewalPointsSpreadOverTheWholeWindow() {
    SplittableRandom r = new SplittableRandom(7);
    double min = 1;
    double max = 0;
    for (int i = 0; i < 2000; i++) {
      double f = Duration.between(START, RenewalSchedule.renewAt(START, END, r)).toMillis() / (double) Duration.ofDays(90).toMillis();
      assertThat(f).isBetween(0.5, 0.8);
      min = Math.min(min, f);
      max = Math.max(max, f);
    }
    assertThat(min).isLessThan(0.52);
    assertThat(max).isGreaterThan(0.78);
  }
}
