package shoal.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shoal.errors.InvalidArgumentException;

class RestartBackoffTest {
  private static final Duration SHORT = Duration.ofSeconds(1);

  @ParameterizedTest(name = "{0}:{1} exit {2} requested={3} manual={4} -> {5}")
  @CsvSource({
    "no,             0, 1, false, false, false",
    "always,         0, 0, false, false, true",
    "always,         0, 0, true,  true,  false",
    "always,         0, 0, false, true,  true",
    "unless-stopped, 0, 0, false, false, true",
    "unless-stopped, 0, 0, false, true,  false",
    "on-failure,     0, 0, false, false, false",
    "on-failure,     0, 1, false, false, true",
    "on-failure,     2, 1, true,  false, false",
  })
  void decidesAsDocker(String name, int max, int exit, boolean requested, boolean manual, boolean restart) {
    RestartPolicy p = new RestartPolicy(name, max);
    assertThat(RestartBackoff.initial().decide(p, exit, requested, manual, SHORT).restart()).isEqualTo(restart);
  }

  @Test
  void delayDoublesFrom100MsUpToAMinute() {
    RestartPolicy always = new RestartPolicy("always", 0);
    RestartBackoff b = RestartBackoff.initial();
    long[] expected = {100, 200, 400, 800, 1600};
    for (long ms : expected) {
      RestartBackoff.Decision d = b.decide(always, 0, false, false, SHORT);
      assertThat(d.delay()).isEqualTo(Duration.ofMillis(ms));
      b = d.next();
    }
    for (int i = 0; i < 20; i++) {
      b = b.decide(always, 0, false, false, SHORT).next();
    }
    assertThat(b.delay()).isEqualTo(Duration.ofMinutes(1));
    assertThat(b.restarts()).isEqualTo(25);
  }

  @Test
  void aRunOfTenSecondsResetsTheDelay() {
    RestartPolicy always = new RestartPolicy("always", 0);
    RestartBackoff b = new RestartBackoff(Duration.ofSeconds(30), 7);
    assertThat(b.decide(always, 0, false, false, Duration.ofSeconds(10)).delay()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void onFailureStopsAfterItsMaximum() {
    RestartPolicy p = new RestartPolicy("on-failure", 2);
    RestartBackoff b = RestartBackoff.initial();
    b = b.decide(p, 1, false, false, SHORT).next();
    b = b.decide(p, 1, false, false, SHORT).next();
    assertThat(b.restarts()).isEqualTo(2);
    assertThat(b.decide(p, 1, false, false, SHORT).restart()).isFalse();
  }

  @Test
  void policiesAreValidated() {
    assertThatThrownBy(() -> new RestartPolicy("always", 3)).isInstanceOf(InvalidArgumentException.class);
    assertThatThrownBy(() -> new RestartPolicy("sometimes", 0)).hasMessageContaining("unknown policy 'sometimes'");
    assertThat(new RestartPolicy("", 0).isNone()).isTrue();
  }
}
