package shoal.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.common.CommandResult;
import shoal.testing.TestDaemon;

/** Containers outlive a crash of the daemon and are found again, exit codes and output included. */
@Tag("netns")
class DaemonRestartIT {

  private static CommandResult ok(TestDaemon d, String... args) {
    CommandResult r = d.docker(args);
    assertThat(r.ok()).as(r.failure() + "\n--- daemon log tail ---\n" + Containers.tail(d.log())).isTrue();
    return r;
  }

  @Test
  void containersSurviveKill9AndAreFoundAgainWithTheirRealExitCodes() throws Exception {
    try (TestDaemon d = TestDaemon.start()) {
      ok(d, "run", "-d", "--name", "ticker", "busybox", "sh", "-c",
          "trap 'exit 143' TERM; i=0; while :; do i=$((i+1)); echo tick $i; sleep 0.1; done");
      ok(d, "run", "-d", "-t", "--name", "console", "busybox", "sh", "-c",
          "trap 'exit 143' TERM; while :; do echo tty; sleep 0.2; done");
      ok(d, "run", "-d", "--name", "leaver", "busybox", "sh", "-c", "sleep 1.5; echo said while away; exit 3");
      assertThat(d.docker("run", "--name", "done", "busybox", "sh", "-c", "exit 9").exitCode()).isEqualTo(9);
      Containers.awaitLog(d, "ticker", "tick 3");
      String pidBefore = ok(d, "inspect", "-f", "{{.State.Pid}}", "ticker").stdout().strip();

      d.kill9();
      Thread.sleep(2500);
      d.restart();

      assertThat(ok(d, "ps", "-a", "--format", "{{.Names}} {{.State}}").stdout().lines().sorted().toList())
          .containsExactly("console running", "done exited", "leaver exited", "ticker running");
      assertThat(ok(d, "inspect", "-f", "{{.State.Pid}}", "ticker").stdout().strip()).isEqualTo(pidBefore);
      assertThat(ok(d, "inspect", "-f", "{{.State.ExitCode}}", "leaver").stdout().strip()).isEqualTo("3");
      assertThat(ok(d, "inspect", "-f", "{{.State.ExitCode}}", "done").stdout().strip()).isEqualTo("9");
      assertThat(ok(d, "logs", "leaver").stdout()).isEqualTo("said while away\n");

      // The log has no gap: what was written while the daemon was away was kept in the pipe.
      int lastBefore = lastTick(ok(d, "logs", "ticker").stdout());
      Thread.sleep(500);
      String all = ok(d, "logs", "ticker").stdout();
      assertThat(lastTick(all)).isGreaterThan(lastBefore);
      assertThat(all.lines().toList()).containsSubsequence("tick 1", "tick 2", "tick " + lastTick(all));
      assertThat(all.lines().count()).isEqualTo(lastTick(all));

      ok(d, "stop", "ticker", "console");
      assertThat(ok(d, "inspect", "-f", "{{.State.ExitCode}}", "ticker").stdout().strip()).isEqualTo("143");
      assertThat(ok(d, "inspect", "-f", "{{.State.ExitCode}}", "console").stdout().strip()).isEqualTo("143");
      assertThat(d.inHost("sh", "-c", "ls /run/shoal/containers; pgrep -f shoal-wrappe[r] || true").stdout()).isEmpty();
      Containers.removeAll(d);
    }
  }

  @Test
  void restartPoliciesApplyAfterTheDaemonRestarts() throws Exception {
    try (TestDaemon d = TestDaemon.start()) {
      ok(d, "run", "-d", "--name", "always", "--restart", "always", "busybox", "sleep", "60");
      ok(d, "run", "-d", "--name", "manual", "--restart", "unless-stopped", "busybox", "sleep", "60");
      ok(d, "stop", "-t", "0", "manual");
      d.kill9();
      // Both die while the daemon is away.
      d.inHost("sh", "-c", "pkill -9 -f 'sleep 60' || true");
      Thread.sleep(1000);
      d.restart();
      String state = "";
      for (int i = 0; i < 50 && !state.equals("always running\nmanual exited"); i++) {
        Thread.sleep(100);
        state = ok(d, "ps", "-a", "--format", "{{.Names}} {{.State}}").stdout().lines().sorted()
            .reduce((a, b) -> a + "\n" + b).orElse("");
      }
      assertThat(state).isEqualTo("always running\nmanual exited");
      Containers.removeAll(d);
    }
  }

  private static int lastTick(String log) {
    var lines = log.strip().lines().toList();
    return Integer.parseInt(lines.get(lines.size() - 1).substring("tick ".length()));
  }
}
