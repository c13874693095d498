package shoal.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.common.CommandResult;
import shoal.common.Commands;
import shoal.testing.TestDaemon;

/** {@code docker exec} with and without a terminal. */
@Tag("netns")
class ExecIT {
  static TestDaemon d;

  @BeforeAll
  static void up() throws Exception {
    d = TestDaemon.start();
    assertThat(d.docker("run", "-d", "--name", "box", "-e", "FROM_RUN=1", "-w", "/tmp", "busybox", "sleep", "300").ok())
        .isTrue();
  }

  @AfterAll
  static void down() {
    if (d != null) {
      Containers.removeAll(d);
      d.close();
    }
  }

  @Test
  void execRunsInTheContainerWithItsEnvironmentAndRealExitCode() {
    CommandResult r = d.docker("exec", "-e", "FROM_EXEC=2", "box", "sh", "-c",
        "echo $FROM_RUN$FROM_EXEC $(pwd) $HOSTNAME; echo to-stderr >&2; exit 7");
    assertThat(r.exitCode()).isEqualTo(7);
    assertThat(r.stdout()).matches("12 /tmp [0-9a-f]{12}\n");
    assertThat(r.stderr()).isEqualTo("to-stderr\n");
    assertThat(d.docker("exec", "-u", "nobody", "-w", "/", "box", "id", "-u").stdout()).isEqualTo("65534\n");
  }

  @Test
  void execPassesStdin() {
    CommandResult r = Commands.run(List.of(Containers.DOCKER, "exec", "-i", "box", "sh", "-c", "cat; echo done"),
        "piped\n".getBytes(), Map.of("DOCKER_HOST", "unix://" + d.socket()), Duration.ofSeconds(30));
    assertThat(r.stdout()).isEqualTo("piped\ndone\n");
  }

  @Test
  void execWithATerminalGetsItsSizeAndExitCode() {
    CommandResult r = Containers.withTerminal(d,
        "stty rows 31 cols 97; docker exec -it box sh -c 'tty; stty size; echo $TERM; exit 4'");
    assertThat(r.exitCode()).as(r.failure()).isEqualTo(4);
    assertThat(r.stdout()).contains("/dev/pts/").contains("31 97").contains("xterm");
  }

  @Test
  void execOfAStoppedContainerIsAConflict() {
    d.docker("create", "--name", "idle", "busybox", "true");
    CommandResult r = d.docker("exec", "idle", "true");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.stderr()).contains("is not running");
  }

  @Test
  void detachedExecRunsInTheBackground() throws Exception {
    assertThat(d.docker("exec", "-d", "box", "sh", "-c", "echo bg > /tmp/bg").ok()).isTrue();
    String out = "";
    for (int i = 0; i < 50 && !out.equals("bg\n"); i++) {
      Thread.sleep(50);
      out = d.docker("exec", "box", "cat", "/tmp/bg").stdout();
    }
    assertThat(out).isEqualTo("bg\n");
  }

  @Test
  void topListsTheContainersProcesses() {
    CommandResult r = d.docker("top", "box");
    assertThat(r.ok()).as(r.failure()).isTrue();
    assertThat(r.stdout()).contains("PID").contains("sleep 300");
  }
}
