package shoal.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A terminal exec starts with a size: the request's, or the client's first resize (API < 1.42). */
class ExecInitialSizeTest {
  private static Exec exec(int height, int width) {
    ExecConfig c = new ExecConfig(List.of("sh"), List.of(), "", "", true, true, true, true, false, "", height, width);
    return new Exec("e1", new ExecTarget("c1", "box", "busybox", Map.of(), null), c);
  }

  @Test
  void theSizeSentWithTheRequestWinsAndNoWaitHappens() throws Exception {
    Exec e = exec(31, 97);
    long t0 = System.nanoTime();
    assertThat(e.initialSize(5_000)).containsExactly(31, 97);
    assertThat(System.nanoTime() - t0).isLessThan(1_000_000_000L);
  }

  @Test
  void aResizeBeforeTheProcessStartsBecomesItsInitialSize() throws Exception {
    Exec e = exec(0, 0);
    assertThat(e.earlySize(24, 80)).isTrue();
    assertThat(e.initialSize(100)).containsExactly(24, 80);
  }

  @Test
  void aResizeArrivingWhileWaitingEndsTheWait() throws Exception {
    Exec e = exec(0, 0);
    Thread.ofVirtual().start(() -> {
      try {
        Thread.sleep(30);
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
      e.earlySize(50, 132);
    });
    assertThat(e.initialSize(5_000)).containsExactly(50, 132);
  }

  @Test
  void withoutAnySizeTheWaitIsBounded() throws Exception {
    Exec e = exec(0, 0);
    assertThat(e.initialSize(20)).containsExactly(0, 0);
  }
}
