package shoal.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.common.CommandResult;

/** Container commands of this CLI against a real shoald, compared with the docker CLI where both print. */
@Tag("netns")
class ContainerCliIT {
  static LabDaemon daemon;

  @BeforeAll
  static void up() throws Exception {
    daemon = LabDaemon.start();
  }

  @AfterAll
  static void down() {
    if (daemon != null) {
      daemon.close();
    }
  }

  private static CommandResult ok(CommandResult r) {
    assertThat(r.exitCode()).as(r.failure() + "\n" + tail(daemon.log())).isZero();
    return r;
  }

  private static String tail(String s) {
    return s.substring(Math.max(0, s.length() - 2000));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void runStreamsStdoutAndStderrApartAndExitsWithTheContainersCode() {
    CommandResult r = daemon.shoal("run", "--rm", "busybox", "sh", "-c", "echo out; echo err >&2; exit 3");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stdout()).isEqualTo("out\n");
    assertThat(r.stderr()).isEqualTo("err\n");
  }

  @Test
  void runWithRmLeavesNoContainer() {
    ok(daemon.shoal("run", "--rm", "--name", "gone", "busybox", "true"));
    CommandResult ps = ok(daemon.shoal("ps", "-a", "--filter", "name=gone", "-q"));
    assertThat(ps.stdout()).isEmpty();
  }

  @Test
  void runInteractiveCopiesStdinUntilItEnds() {
    CommandResult r = daemon.shoal(bytes("abc\ndef\n"), "run", "-i", "--rm", "busybox", "sh", "-c", "cat; echo done");
    assertThat(ok(r).stdout()).isEqualTo("abc\ndef\ndone\n");
  }

  @Test
  void runWithTtyButNoTerminalGivesTheRawTtyStream() {
    CommandResult r = ok(daemon.shoal("run", "--rm", "-t", "busybox", "echo", "hi"));
    assertThat(r.stdout()).isEqualTo("hi\r\n");
  }

  @Test
  void interactiveTtyWithoutATerminalIsRefusedLikeDocker() {
    CommandResult r = daemon.shoal("run", "-it", "--rm", "busybox", "true");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("the input device is not a TTY\n");
  }

  @Test
  void runInATerminalForwardsTheWindowSizeAndRestoresTheTerminal() {
    CommandResult r = daemon.inTerminal(
        "stty cols 77 rows 22; shoal run -it --rm busybox sh -c 'stty size; tty'; stty -a", new byte[0]);
    assertThat(r.stdout()).contains("22 77").contains("/dev/pts/");
    String after = r.stdout().substring(r.stdout().lastIndexOf("speed"));
    assertThat(after).contains(" icanon ").contains(" echo ").doesNotContain("-icanon");
  }

  @Test
  void execInATerminalTakesTypedInput() {
    ok(daemon.shoal("run", "-d", "--name", "tty-target", "busybox", "sleep", "300"));
    CommandResult r = daemon.inTerminal("shoal exec -it tty-target sh", bytes("echo $((6*7))\nexit 5\n"));
    assertThat(r.stdout()).contains("42");
    daemon.shoal("rm", "-f", "tty-target");
  }

  @Test
  void detachedRunPrintsTheFullIdAndPsShowsItLikeDocker() {
    String id = ok(daemon.shoal("run", "-d", "--name", "web", "-p", "8080:80", "-l", "tier=front", "busybox", "sleep", "300"))
        .stdout().strip();
    assertThat(id).matches("[0-9a-f]{64}");
    String format = "table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.Ports}}\\t{{.Names}}\\t{{.Label \"tier\"}}";
    CommandResult ours = ok(daemon.shoal("ps", "--filter", "name=web", "--format", format));
    CommandResult docker = daemon.docker("ps", "--filter", "name=web", "--format", format);
    assertThat(ours.stdout()).isEqualTo(docker.stdout());
    assertThat(ours.stdout()).contains(id.substring(0, 12) + "   busybox   \"sleep 300\"   0.0.0.0:8080->80/tcp   web");
    CommandResult quiet = ok(daemon.shoal("ps", "-q", "--no-trunc", "--filter", "name=web"));
    assertThat(quiet.stdout()).isEqualTo(id + "\n");
    ok(daemon.shoal("rm", "-f", "web"));
  }

  @Test
  void psDefaultTableHasDockersColumns() {
    ok(daemon.shoal("run", "-d", "--name", "cols", "busybox", "sleep", "300"));
    CommandResult r = ok(daemon.shoal("ps", "--filter", "name=cols"));
    assertThat(r.stdout().lines().findFirst().orElseThrow())
        .matches("CONTAINER ID   IMAGE     COMMAND       CREATED +STATUS +PORTS     NAMES");
    assertThat(r.stdout()).containsPattern("\"sleep 300\"   .* ago +Up .*cols\n");
    CommandResult jsonLine = ok(daemon.shoal("ps", "--filter", "name=cols", "--format", "json"));
    assertThat(jsonLine.stdout()).startsWith("{\"Command\":\"\\\"sleep 300\\\"\",\"CreatedAt\":").contains("\"Names\":\"cols\"");
    ok(daemon.shoal("rm", "-f", "cols"));
  }

  @Test
  void logsSeparatesStreamsAndHonoursTailAndTimestamps() {
    ok(daemon.shoal("run", "--name", "talker", "busybox", "sh", "-c", "echo one; sleep 0.1; echo two >&2; sleep 0.1; echo three"));
    CommandResult all = ok(daemon.shoal("logs", "talker"));
    assertThat(all.stdout()).isEqualTo("one\nthree\n");
    assertThat(all.stderr()).isEqualTo("two\n");
    CommandResult tail = ok(daemon.shoal("logs", "--tail", "1", "talker"));
    assertThat(tail.stdout() + tail.stderr()).isEqualTo("three\n");
    CommandResult ts = ok(daemon.shoal("logs", "-t", "talker"));
    assertThat(ts.stdout()).matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z one\n.*three\n");
    CommandResult future = ok(daemon.shoal("logs", "--since", "2099-01-01T00:00:00Z", "talker"));
    assertThat(future.stdout()).isEmpty();
    ok(daemon.shoal("rm", "talker"));
  }

  @Test
  void logsFollowStreamsUntilTheContainerExits() {
    ok(daemon.shoal("run", "-d", "--name", "ticker", "busybox", "sh", "-c", "for i in 1 2 3; do echo tick $i; sleep 0.3; done"));
    CommandResult r = ok(daemon.shoal("logs", "-f", "ticker"));
    assertThat(r.stdout()).isEqualTo("tick 1\ntick 2\ntick 3\n");
    ok(daemon.shoal("rm", "ticker"));
  }

  @Test
  void execRunsWithEnvWorkdirAndUserAndExitsWithTheProcessCode() {
    ok(daemon.shoal("run", "-d", "--name", "box", "busybox", "sleep", "300"));
    CommandResult r = ok(daemon.shoal("exec", "-e", "GREETING=hi", "-w", "/tmp", "-u", "nobody", "box",
        "sh", "-c", "echo $GREETING $(pwd) $(id -un)"));
    assertThat(r.stdout()).isEqualTo("hi /tmp nobody\n");
    assertThat(daemon.shoal("exec", "box", "sh", "-c", "exit 7").exitCode()).isEqualTo(7);
    CommandResult in = ok(daemon.shoal(bytes("piped\n"), "exec", "-i", "box", "cat"));
    assertThat(in.stdout()).isEqualTo("piped\n");
    ok(daemon.shoal("exec", "-d", "box", "touch", "/tmp/detached"));
    assertThat(pollOk("exec", "box", "test", "-f", "/tmp/detached")).isTrue();
    ok(daemon.shoal("rm", "-f", "box"));
  }

  private static boolean pollOk(String... args) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      if (daemon.shoal(args).exitCode() == 0) {
        return true;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  @Test
  void lifecycleCommandsPrintWhatTheyActedOn() {
    ok(daemon.shoal("create", "--name", "life", "busybox", "sleep", "300"));
    assertThat(ok(daemon.shoal("start", "life")).stdout()).isEqualTo("life\n");
    assertThat(ok(daemon.shoal("inspect", "-f", "{{.State.Status}}", "life")).stdout()).isEqualTo("running\n");
    assertThat(ok(daemon.shoal("restart", "-t", "1", "life")).stdout()).isEqualTo("life\n");
    assertThat(ok(daemon.shoal("kill", "-s", "KILL", "life")).stdout()).isEqualTo("life\n");
    assertThat(ok(daemon.shoal("wait", "life")).stdout()).isEqualTo("137\n");
    ok(daemon.shoal("rename", "life", "life2"));
    assertThat(ok(daemon.shoal("start", "life2")).stdout()).isEqualTo("life2\n");
    assertThat(ok(daemon.shoal("stop", "-t", "1", "life2")).stdout()).isEqualTo("life2\n");
    assertThat(ok(daemon.shoal("rm", "life2")).stdout()).isEqualTo("life2\n");
  }

  @Test
  void startAttachedStreamsAndExitsWithTheCode() {
    ok(daemon.shoal("create", "--name", "once", "busybox", "sh", "-c", "echo attached; exit 4"));
    CommandResult r = daemon.shoal("start", "-a", "once");
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.stdout()).isEqualTo("attached\n");
    ok(daemon.shoal("rm", "once"));
  }

  @Test
  void errorsAreDockersWordsAndExitCodes() {
    for (String[] cmd : new String[][] {{"stop", "nosuch"}, {"rm", "nosuch"}, {"logs", "nosuch"}, {"exec", "nosuch", "true"}}) {
      CommandResult ours = daemon.shoal(cmd);
      CommandResult docker = daemon.docker(cmd);
      assertThat(ours.exitCode()).as(String.join(" ", cmd)).isEqualTo(docker.exitCode()).isEqualTo(1);
      assertThat(ours.stderr()).as(String.join(" ", cmd)).isEqualTo(docker.stderr());
    }
    CommandResult start = daemon.shoal("start", "nosuch");
    assertThat(start.stderr()).isEqualTo(daemon.docker("start", "nosuch").stderr());
    CommandResult rmf = daemon.shoal("rm", "-f", "nosuch");
    assertThat(rmf.exitCode()).isZero();
    assertThat(rmf.stderr()).isEqualTo("Error response from daemon: No such container: nosuch\n");
    ok(daemon.shoal("run", "-d", "--name", "taken", "busybox", "sleep", "300"));
    CommandResult dup = daemon.shoal("run", "-d", "--name", "taken", "busybox", "true");
    assertThat(dup.exitCode()).isEqualTo(125);
    assertThat(dup.stderr()).startsWith("shoal: Error response from daemon: Conflict. The container name \"/taken\" is already in use");
    ok(daemon.shoal("rm", "-f", "taken"));
  }

  @Test
  void runExitCodesSayWhyTheCommandCouldNotRun() {
    CommandResult missingImage = daemon.shoal("run", "nosuchimage");
    assertThat(missingImage.exitCode()).isEqualTo(125);
    assertThat(missingImage.stderr()).startsWith("Unable to find image 'nosuchimage:latest' locally\nshoal: Error response from daemon: ");
    assertThat(missingImage.stderr()).isEqualTo(daemon.docker("run", "nosuchimage").stderr()
        .replace("\ndocker: ", "\nshoal: ").replace("'docker run --help'", "'shoal run --help'"));
    assertThat(daemon.shoal("run", "--rm", "busybox", "nosuchcmd").exitCode()).isEqualTo(127);
    assertThat(daemon.shoal("run", "--rm", "busybox", "/etc/passwd").exitCode()).isEqualTo(126);
    CommandResult badPort = daemon.shoal("run", "-p", "80:abc", "busybox");
    assertThat(badPort.exitCode()).isEqualTo(125);
    assertThat(badPort.stderr()).isEqualTo("shoal: invalid containerPort: abc\n\nRun 'shoal run --help' for more information\n");
  }

  @Test
  void inspectPrintsTheDaemonsJsonIndentedLikeDocker() {
    ok(daemon.shoal("run", "-d", "--name", "insp", "-e", "A=b", "busybox", "sleep", "300"));
    CommandResult ours = ok(daemon.shoal("container", "inspect", "insp"));
    CommandResult docker = daemon.docker("container", "inspect", "insp");
    assertThat(ours.stdout()).isEqualTo(docker.stdout());
    assertThat(ok(daemon.shoal("inspect", "-f", "{{json .Config.Env}} {{.HostConfig.RestartPolicy.Name}}", "insp")).stdout())
        .startsWith("[").contains("\"A=b\"").endsWith("] no\n");
    CommandResult missing = daemon.shoal("container", "inspect", "insp", "nosuch");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stdout()).startsWith("[\n    {\n        \"Id\": ");
    ok(daemon.shoal("rm", "-f", "insp"));
  }

  @Test
  void runOnAUserNetworkWithAFixedAddress() {
    ok(daemon.shoal("network", "create", "--subnet", "10.77.0.0/24", "cnet"));
    ok(daemon.shoal("run", "-d", "--name", "fixed", "--network", "cnet", "--ip", "10.77.0.50", "busybox", "sleep", "300"));
    CommandResult ip = ok(daemon.shoal("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", "fixed"));
    assertThat(ip.stdout()).isEqualTo("10.77.0.50\n");
    ok(daemon.shoal("run", "-d", "--name", "peer", "busybox", "sleep", "300"));
    ok(daemon.shoal("network", "connect", "--ip", "10.77.0.60", "cnet", "peer"));
    assertThat(ok(daemon.shoal("exec", "peer", "ping", "-c", "1", "-W", "2", "10.77.0.50")).stdout()).contains("1 packets received");
    ok(daemon.shoal("network", "disconnect", "cnet", "peer"));
    assertThat(ok(daemon.shoal("inspect", "-f", "{{len .NetworkSettings.Networks}}", "peer")).stdout()).isEqualTo("1\n");
    ok(daemon.shoal("rm", "-f", "fixed", "peer"));
    ok(daemon.shoal("network", "rm", "cnet"));
  }

  @Test
  void runFlagsReachTheContainersConfiguration() {
    ok(daemon.shoal("create", "--name", "conf", "--hostname", "h1", "-w", "/tmp", "-u", "nobody", "--entrypoint", "sh",
        "--restart", "on-failure:3", "--stop-timeout", "4", "-e", "X=1", "-l", "k=v", "busybox", "-c", "true"));
    String f = "{{.Config.Hostname}}|{{.Config.WorkingDir}}|{{.Config.User}}|{{json .Config.Entrypoint}}|{{json .Config.Cmd}}"
        + "|{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}}|{{.Config.StopTimeout}}"
        + "|{{index .Config.Labels \"k\"}}";
    assertThat(ok(daemon.shoal("inspect", "-f", f, "conf")).stdout())
        .isEqualTo("h1|/tmp|nobody|[\"sh\"]|[\"-c\",\"true\"]|on-failure:3|4|v\n");
    ok(daemon.shoal("rm", "conf"));
  }

  @Test
  void psShowsTheLastCreatedAndSizes() {
    ok(daemon.shoal("create", "--name", "older", "busybox", "true"));
    ok(daemon.shoal("create", "--name", "newer", "busybox", "true"));
    assertThat(ok(daemon.shoal("ps", "-l", "--format", "{{.Names}}")).stdout()).isEqualTo("newer\n");
    assertThat(ok(daemon.shoal("ps", "-n", "2", "--format", "{{.Names}}")).stdout()).isEqualTo("newer\nolder\n");
    assertThat(ok(daemon.shoal("ps", "-a", "-s", "--filter", "name=newer")).stdout().lines().findFirst().orElseThrow())
        .endsWith("NAMES     SIZE");
    assertThat(ok(daemon.shoal("ps", "--filter", "status=created", "--format", "{{.Names}} {{.State}}")).stdout())
        .contains("newer created\n").contains("older created\n");
    ok(daemon.shoal("rm", "older", "newer"));
  }
}
