package shoal.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import shoal.runtime.container.ContainerState;
import shoal.runtime.container.ContainerStatus;

class ContainerJsonTest {
  @ParameterizedTest
  @CsvSource({
    "0, Less than a second", "1, 1 second", "59, 59 seconds", "60, About a minute", "119, About a minute",
    "120, 2 minutes", "3599, 59 minutes", "3600, About an hour", "7200, 2 hours", "172800, 2 days",
    "1209600, 2 weeks", "5184000, 2 months", "63072000, 2 years",
  })
  void humanDurationsAreDockers(long seconds, String text) {
    assertThat(ContainerJson.humanDuration(Duration.ofSeconds(seconds))).isEqualTo(text);
  }

  @Test
  void statusLinesAreDockers() {
    Instant now = Instant.parse("2024-05-01T10:00:10Z");
    Instant t0 = Instant.parse("2024-05-01T10:00:00Z");
    assertThat(ContainerJson.status(new ContainerState(ContainerStatus.RUNNING, 5, 0, "", t0, null, false), now))
        .isEqualTo("Up 10 seconds");
    assertThat(ContainerJson.status(new ContainerState(ContainerStatus.PAUSED, 5, 0, "", t0, null, false), now))
        .isEqualTo("Up 10 seconds (Paused)");
    assertThat(ContainerJson.status(new ContainerState(ContainerStatus.EXITED, 0, 137, "", t0, t0, false), now))
        .isEqualTo("Exited (137) 10 seconds ago");
    assertThat(ContainerJson.status(ContainerState.created(), now)).isEqualTo("Created");
    assertThat(ContainerJson.status(new ContainerState(ContainerStatus.RESTARTING, 0, 1, "", t0, t0, false), now))
        .isEqualTo("Restarting (1) 10 seconds ago");
  }

  @Test
  void tailIsANumberOrAll() {
    assertThat(ContainerStreams.tail("all")).isEqualTo(-1);
    assertThat(ContainerStreams.tail("3")).isEqualTo(3);
    assertThat(ContainerStreams.tail("x")).isEqualTo(-1);
  }

  @Test
  void detachKeysAreCtrlPCtrlQ() {
    ContainerStreams.DetachWatch w = new ContainerStreams.DetachWatch();
    byte[] data = {'a', 0x10, 'b'};
    assertThat(w.scan(data, 3)).isEqualTo(3);
    assertThat(w.detached).isFalse();
    byte[] seq = {'x', 0x10, 0x11, 'y'};
    assertThat(w.scan(seq, 4)).isEqualTo(1);
    assertThat(w.detached).isTrue();
  }
}
