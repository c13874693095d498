package shoal.manager.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LivenessTest {
  private static final long GRACE = 3_000;

  @Test
  void aNodeExpiresOnlyOnceItsGracePassedWithoutABeat() {
    Liveness l = new Liveness();
    l.beat("a", 0, GRACE);
    l.beat("b", 0, GRACE);
    l.beat("a", 2_000, GRACE);
    assertThat(l.expired(2_999)).isEmpty();
    assertThat(l.expired(3_000)).containsExactly("b");
    assertThat(l.expired(4_999)).isEmpty();
    assertThat(l.expired(5_000)).containsExactly("a");
    assertThat(l.expired(100_000)).as("an expired node is forgotten").isEmpty();
  }

  @Test
  void shorteningNeverExtendsADeadline() {
    Liveness l = new Liveness();
    l.beat("a", 0, GRACE);
    l.shorten("a", 10_000);
    assertThat(l.expired(3_000)).containsExactly("a");
    l.beat("b", 0, GRACE);
    l.shorten("b", 500);
    assertThat(l.expired(500)).containsExactly("b");
  }

  @Test
  void deadlinesSurviveTheWrapOfNanoTime() {
    Liveness l = new Liveness();
    long now = Long.MAX_VALUE - 1_000;
    l.beat("a", now, GRACE);
    assertThat(l.expired(now + 2_000)).isEmpty();
    assertThat(l.expired(now + 3_000)).containsExactly("a");
  }

  @Test
  void aForgottenNodeNeverExpires() {
    Liveness l = new Liveness();
    l.beat("a", 0, GRACE);
    l.forget("a");
    assertThat(l.expired(Long.MAX_VALUE / 2)).isEmpty();
  }

  @Test
  void theDefaultPolicyDeclaresASilentNodeDownAfterThreePeriodsAndABrokenOneAfterOne() {
    HeartbeatPolicy p = new HeartbeatPolicy(null);
    assertThat(p.period()).isEqualTo(HeartbeatPolicy.MIN_PERIOD);
    HeartbeatPolicy d = new HeartbeatPolicy(HeartbeatPolicy.DEFAULT_PERIOD);
    assertThat(d.grace()).isEqualTo(Duration.ofSeconds(3));
    assertThat(d.brokenGrace()).isEqualTo(Duration.ofSeconds(1));
    assertThat(d.grace()).isLessThan(Duration.ofSeconds(15)); // Docker: 5 s x 3
    assertThat(new HeartbeatPolicy(Duration.ofMillis(10)).period()).isEqualTo(HeartbeatPolicy.MIN_PERIOD);
  }
}
