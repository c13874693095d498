package shoal.runtime.container;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shoal.common.CommandResult;
import shoal.common.Commands;
import shoal.testing.TestDaemon;

/** Helpers of the container ITs. */
final class Containers {
  static final String DOCKER = "/usr/local/bin/docker";

  private Containers() {}

  /** Removes every container, so that no runc process, mount or cgroup outlives the test. */
  static void removeAll(TestDaemon d) {
    String ids = d.docker("ps", "-aq").stdout().strip();
    if (!ids.isEmpty()) {
      List<String> argv = new ArrayList<>(List.of("rm", "-f"));
      argv.addAll(List.of(ids.split("\\s+")));
      d.docker(argv.toArray(String[]::new));
    }
  }

  static String tail(String log) {
    String[] lines = log.split("\n");
    StringBuilder sb = new StringBuilder();
    for (int i = Math.max(0, lines.length - 40); i < lines.length; i++) {
      sb.append(lines[i]).append('\n');
    }
    return sb.toString();
  }

  /** Waits (at most 10 s) until the container's log contains {@code text}. */
  static void awaitLog(TestDaemon d, String container, String text) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (d.docker("logs", container).stdout().contains(text)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("log of " + container + " never showed " + text + ":\n" + d.docker("logs", container));
  }

  /** A docker CLI process left running (for logs -f, attach). */
  static Process dockerProcess(TestDaemon d, String... args) throws IOException {
    List<String> argv = new ArrayList<>(List.of(DOCKER));
    argv.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().put("DOCKER_HOST", "unix://" + d.socket());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    return pb.start();
  }

  /** Runs a shell command line with a terminal of its own ({@code script}), as a user at a console would. */
  static CommandResult withTerminal(TestDaemon d, String commandLine) {
    return Commands.run(List.of("script", "-qec", commandLine, "/dev/null"), null,
        Map.of("DOCKER_HOST", "unix://" + d.socket(), "PATH", "/usr/local/bin:/usr/bin:/bin"), Duration.ofSeconds(60));
  }
}
