package shoal.cli.commands.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The convergence display on a terminal and in a pipe. The expected bytes are those docker 28
 * wrote for the same messages on a 200-column pseudo-terminal (the line feeds of the terminal's
 * own CR-LF translation taken out).
 */
class ProgressOutputTest {
  private static final String UP = "\u001b[%dA";
  private static final String DOWN = "\u001b[%dB";
  private static final String CLEAR = "\u001b[2K\r";

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private ProgressOutput output(boolean terminal, int width) {
    return new ProgressOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal, width);
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String line(int up, String text) {
    return UP.formatted(up) + CLEAR + text + "\r" + DOWN.formatted(up);
  }

  /** Three replicas: the first poll draws every line, the next redraws them in place. */
  private static void firstPolls(ProgressOutput p) {
    p.progress("overall progress", "0 out of 3 tasks", 0, 0);
    for (int i = 1; i <= 3; i++) {
      p.progress(i + "/3", " ", 0, 0);
    }
    p.progress("overall progress", "0 out of 3 tasks", 0, 0);
    p.progress("1/3", "pending  ", 3, 9);
    p.progress("3/3", "running  ", 9, 9);
  }

  @Test
  void onAWideTerminalEachLineIsRedrawnInPlaceWithABar() {
    firstPolls(output(true, 200));
    assertThat(text()).isEqualTo(
        "\n" + line(1, "overall progress: 0 out of 3 tasks ")
        + "\n" + line(1, "1/3:   ")
        + "\n" + line(1, "2/3:   ")
        + "\n" + line(1, "3/3:   ")
        + line(4, "overall progress: 0 out of 3 tasks ")
        + line(3, "1/3: pending   [================>                                  ] ")
        + line(1, "3/3: running   [==================================================>] "));
  }

  @Test
  void aNarrowTerminalGetsNoBar() {
    ProgressOutput p = output(true, 110);
    p.progress("1/1", "starting ", 8, 9);
    assertThat(text()).isEqualTo("\n" + line(1, "1/1: starting  "));
  }

  @Test
  void aPipeGetsTheLinesWithoutBarsOnly() {
    ProgressOutput p = output(false, 200);
    firstPolls(p);
    p.progress("2/3", "task: non-zero exit (1)", 0, 0);
    p.progress("verify", "Waiting 5 seconds to verify that tasks are stable...", 0, 0);
    assertThat(text()).isEqualTo("""
        overall progress: 0 out of 3 tasks
        1/3: \s
        2/3: \s
        3/3: \s
        overall progress: 0 out of 3 tasks
        2/3: task: non-zero exit (1)
        verify: Waiting 5 seconds to verify that tasks are stable...
        """);
  }

  @Test
  void aPlainMessageStartsANewGroupOfLines() {
    ProgressOutput p = output(true, 200);
    p.progress("verify", "Waiting 1 seconds to verify that tasks are stable...", 0, 0);
    p.message("rollback", "rollback completed");
    p.progress("verify", "Service web converged", 0, 0);
    assertThat(text()).isEqualTo("\n" + line(1, "verify: Waiting 1 seconds to verify that tasks are stable... ")
        + "rollback: rollback completed\n"
        + "\n" + line(1, "verify: Service web converged "));
  }
}
