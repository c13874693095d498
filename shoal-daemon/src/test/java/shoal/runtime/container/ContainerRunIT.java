package shoal.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.common.CommandResult;
import shoal.common.Commands;
import shoal.testing.TestDaemon;

/** The container lifecycle through the stock docker CLI. */
@Tag("netns")
class ContainerRunIT {
  static TestDaemon d;

  @BeforeAll
  static void up() throws Exception {
    d = TestDaemon.start();
  }

  @AfterAll
  static void down() {
    if (d != null) {
      d.close();
    }
  }

  @AfterEach
  void removeContainers() {
    Containers.removeAll(d);
  }

  private static CommandResult ok(String... args) {
    CommandResult r = d.docker(args);
    assertThat(r.ok()).as(r.failure() + "\n--- daemon log tail ---\n" + Containers.tail(d.log())).isTrue();
    return r;
  }

  @Test
  void runRmEchoPrintsAndLeavesNothing() {
    assertThat(ok("run", "--rm", "busybox", "echo", "hi").stdout()).isEqualTo("hi\n");
    assertThat(ok("ps", "-aq").stdout()).isEmpty();
  }

  @Test
  void exitCodesAreTheProcesses() {
    CommandResult r = d.docker("run", "--name", "three", "busybox", "sh", "-c", "echo out; echo err >&2; exit 3");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stdout()).isEqualTo("out\n");
    assertThat(r.stderr()).isEqualTo("err\n");
    assertThat(ok("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}} {{.Name}} {{.Path}} {{json .Args}}", "three")
        .stdout().strip()).isEqualTo("exited 3 /three sh [\"-c\",\"echo out; echo err >&2; exit 3\"]");
    assertThat(ok("ps", "-a", "--format", "{{.Names}} {{.Status}}").stdout()).startsWith("three Exited (3) ");
  }

  @Test
  void detachedContainerShowsInPsLogsAndStopsWithItsSignal() throws Exception {
    String id = ok("run", "-d", "--name", "ticker", "busybox", "sh", "-c",
        "trap 'echo got TERM; exit 143' TERM; echo start; while :; do echo tick; sleep 0.2; done").stdout().strip();
    assertThat(id).hasSize(64);
    assertThat(ok("ps", "--format", "{{.Names}} {{.Status}}").stdout()).startsWith("ticker Up ");
    Containers.awaitLog(d, "ticker", "tick");
    Process follow = Containers.dockerProcess(d, "logs", "-f", "ticker");
    ok("stop", "ticker");
    assertThat(follow.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("logs -f ends when the container stops").isTrue();
    String followed = new String(follow.getInputStream().readAllBytes());
    assertThat(followed).startsWith("start\ntick\n").endsWith("got TERM\n");
    assertThat(ok("inspect", "-f", "{{.State.ExitCode}}", "ticker").stdout().strip()).isEqualTo("143");
    assertThat(ok("logs", "--tail", "1", "ticker").stdout()).isEqualTo("got TERM\n");
  }

  @Test
  void stopKillsAfterTheGracePeriodWhenTheSignalIsIgnored() {
    ok("run", "-d", "--name", "stubborn", "busybox", "sleep", "60");
    long t0 = System.nanoTime();
    ok("stop", "-t", "1", "stubborn");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    // PID 1 without a handler ignores SIGTERM: SIGKILL comes after the grace period.
    assertThat(ms).isGreaterThanOrEqualTo(1000);
    assertThat(ok("inspect", "-f", "{{.State.ExitCode}}", "stubborn").stdout().strip()).isEqualTo("137");
  }

  @Test
  void waitReturnsTheExitCode() {
    ok("run", "-d", "--name", "waiter", "busybox", "sh", "-c", "sleep 0.3; exit 5");
    assertThat(ok("wait", "waiter").stdout().strip()).isEqualTo("5");
  }

  @Test
  void configReachesTheProcess() {
    String out = ok("run", "--rm", "-e", "FOO=bar", "-w", "/tmp/work", "--hostname", "hh", "-u", "nobody",
        "busybox", "sh", "-c", "echo $FOO $(pwd) $(hostname) $(id -u):$(id -g) $HOME").stdout();
    assertThat(out).isEqualTo("bar /tmp/work hh 65534:65534 /nonexistent\n");
    assertThat(ok("run", "--rm", "--entrypoint", "echo", "busybox", "from", "entrypoint").stdout())
        .isEqualTo("from entrypoint\n");
    assertThat(ok("run", "--rm", "busybox", "cat", "/etc/hostname").stdout()).matches("[0-9a-f]{12}\n");
  }

  @Test
  void restartOnFailureRetriesTwiceThenStays() throws Exception {
    ok("run", "-d", "--name", "flaky", "--restart", "on-failure:2", "busybox", "sh", "-c", "echo run; exit 4");
    String state = "";
    for (int i = 0; i < 100; i++) {
      state = ok("inspect", "-f", "{{.State.Status}} {{.RestartCount}} {{.State.ExitCode}}", "flaky").stdout().strip();
      if (state.equals("exited 2 4")) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(state).isEqualTo("exited 2 4");
    assertThat(ok("logs", "flaky").stdout()).isEqualTo("run\nrun\nrun\n");
  }

  @Test
  void renameChangesTheName() {
    ok("create", "--name", "before", "busybox", "true");
    ok("rename", "before", "after");
    assertThat(ok("ps", "-a", "--format", "{{.Names}}").stdout().strip()).isEqualTo("after");
  }

  @Test
  void stdinReachesTheContainerAndItsEndEndsTheContainer() {
    CommandResult r = Commands.run(List.of("/usr/local/bin/docker", "run", "-i", "--rm", "busybox", "cat"),
        "hello stdin\n".getBytes(), Map.of("DOCKER_HOST", "unix://" + d.socket()), Duration.ofSeconds(30));
    assertThat(r.ok()).as(r.failure()).isTrue();
    assertThat(r.stdout()).isEqualTo("hello stdin\n");
  }

  @Test
  void terminalRunGetsATty() {
    CommandResult r = Containers.withTerminal(d, "docker run --rm -t busybox sh -c 'tty; echo $TERM'");
    assertThat(r.stdout()).contains("/dev/pts/0").contains("xterm");
  }

  @Test
  void pauseFreezesAndUnpauseThaws() throws Exception {
    ok("run", "-d", "--name", "counter", "busybox", "sh", "-c", "i=0; while :; do i=$((i+1)); echo $i; sleep 0.05; done");
    Containers.awaitLog(d, "counter", "3");
    ok("pause", "counter");
    assertThat(ok("inspect", "-f", "{{.State.Status}} {{.State.Paused}}", "counter").stdout().strip()).isEqualTo("paused true");
    String frozen = ok("logs", "counter").stdout();
    Thread.sleep(300);
    assertThat(ok("logs", "counter").stdout()).isEqualTo(frozen);
    ok("unpause", "counter");
    Thread.sleep(300);
    assertThat(ok("logs", "counter").stdout().length()).isGreaterThan(frozen.length());
  }

  @Test
  void attachStreamsTheLiveOutputUntilTheContainerExits() throws Exception {
    ok("run", "-d", "--name", "later", "busybox", "sh", "-c", "sleep 0.5; echo first; echo second >&2; sleep 0.3");
    Process attach = Containers.dockerProcess(d, "attach", "later");
    assertThat(attach.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(new String(attach.getInputStream().readAllBytes())).isEqualTo("first\n");
    assertThat(new String(attach.getErrorStream().readAllBytes())).isEqualTo("second\n");
  }

  @Test
  void logsSelectStreamsTimesAndTail() {
    ok("run", "--name", "talker", "busybox", "sh", "-c", "echo one; echo two >&2; echo three");
    CommandResult all = ok("logs", "talker");
    assertThat(all.stdout()).isEqualTo("one\nthree\n");
    assertThat(all.stderr()).isEqualTo("two\n");
    ok("run", "--name", "counting", "busybox", "sh", "-c", "echo one; echo two; echo three");
    assertThat(ok("logs", "-t", "--tail", "1", "counting").stdout())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z three\n");
    assertThat(ok("logs", "--since", "2100-01-01T00:00:00Z", "talker").stdout()).isEmpty();
    assertThat(ok("logs", "--until", "2000-01-01T00:00:00Z", "talker").stdout()).isEmpty();
  }

  @Test
  void eventsTellTheLifecycle() {
    ok("run", "--rm", "--name", "evented", "busybox", "true");
    String events = ok("events", "--since", "1", "--until", Long.toString(System.currentTimeMillis() / 1000 + 1),
        "--filter", "container=evented", "--filter", "type=container", "--format", "{{.Action}} {{.Actor.Attributes.exitCode}}")
        .stdout();
    assertThat(events.lines().map(l -> l.replace("<no value>", "").strip()).toList()).containsSubsequence("create", "attach", "start", "die 0", "destroy");
  }

  @Test
  void stopSuspendsTheRestartPolicy() throws Exception {
    ok("run", "-d", "--name", "phoenix", "--restart", "always", "busybox", "sh", "-c", "sleep 0.2; exit 1");
    String count = "0";
    for (int i = 0; i < 50 && count.equals("0"); i++) {
      Thread.sleep(100);
      count = ok("inspect", "-f", "{{.RestartCount}}", "phoenix").stdout().strip();
    }
    assertThat(Integer.parseInt(count)).isPositive();
    ok("stop", "phoenix");
    String after = ok("inspect", "-f", "{{.State.Status}} {{.RestartCount}}", "phoenix").stdout().strip();
    Thread.sleep(1000);
    assertThat(ok("inspect", "-f", "{{.State.Status}} {{.RestartCount}}", "phoenix").stdout().strip()).isEqualTo(after);
    assertThat(after).startsWith("exited ");
  }

  @Test
  void hostNetworkSharesTheHostsNameAndInterfaces() {
    String hostname = d.inHost("hostname").stdout().strip();
    assertThat(ok("run", "--rm", "--network", "host", "busybox", "hostname").stdout().strip()).isEqualTo(hostname);
    assertThat(ok("run", "--rm", "--network", "host", "busybox", "ip", "link").stdout()).contains("shoal0");
  }
}
