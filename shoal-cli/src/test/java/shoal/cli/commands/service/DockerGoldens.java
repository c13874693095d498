package shoal.cli.commands.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes the goldens of the service commands' tests: the stock docker CLI (28) run against a
 * {@link ServiceLab}, each case's standard output in {@code <case>.golden}, and when the command
 * fails or writes to stderr, {@code <case>.err.golden} with the exit code and stderr; the requests
 * docker sent go to {@code <case>.requests.golden} when the case name ends with {@code -req}; a case
 * ending with {@code -tty} runs docker on a pseudo-terminal ({@code script}), its output raw.
 * Not a test: run it by hand when a case is added, from the module's test classpath:
 *
 * <pre>java -cp target/classes:target/test-classes:JARS shoal.cli.commands.service.DockerGoldens \
 *     src/test/resources/shoal/cli/commands/service [case...]</pre>
 *
 * With {@code serve} as the only argument it serves a lab for a few minutes and prints its address,
 * for trying docker by hand.
 */
public final class DockerGoldens {
  private static final String DOCKER = "/usr/local/bin/docker";
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration SERVE_FOR = Duration.ofMinutes(20);

  private DockerGoldens() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 1 && args[0].equals("serve")) {
      try (ServiceLab lab = new ServiceLab()) {
        if (args.length > 1) {
          lab.play(args[1]);
        }
        System.out.println(lab.host());
        System.out.flush();
        int shown = 0;
        for (long i = 0; i < SERVE_FOR.toSeconds() * 5; i++) {
          Thread.sleep(200);
          List<String> r = lab.requests();
          for (; shown < r.size(); shown++) {
            System.out.println(r.get(shown));
          }
          System.out.flush();
        }
      }
      return;
    }
    Path dir = Path.of(args[0]);
    List<String> only = List.of(args).subList(1, args.length);
    for (GoldenCase c : GoldenCase.ALL) {
      if (!only.isEmpty() && !only.contains(c.name())) {
        continue;
      }
      try (ServiceLab lab = new ServiceLab()) {
        if (c.scenario() != null) {
          lab.play(c.scenario());
        }
        String[] result = docker(lab, c.args(), c.name().endsWith("-tty"));
        Files.writeString(dir.resolve(c.name() + ".golden"), result[1]);
        Path err = dir.resolve(c.name() + ".err.golden");
        if (!result[0].equals("0") || !result[2].isEmpty()) {
          Files.writeString(err, "exit " + result[0] + "\n" + result[2]);
        } else {
          Files.deleteIfExists(err);
        }
        if (c.name().endsWith("-req")) {
          Files.writeString(dir.resolve(c.name() + ".requests.golden"), String.join("\n", lab.requests()) + "\n");
        }
        System.out.println(c.name() + ": exit " + result[0]);
      }
    }
  }

  /** {exit code, stdout, stderr} of docker against the lab. */
  static String[] docker(ServiceLab lab, List<String> args, boolean terminal) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of(DOCKER));
    argv.addAll(args);
    if (terminal) {
      // on a pseudo-terminal of 200 columns, as docker draws its bars on a wide terminal
      String command = String.join(" ", argv.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
      argv = List.of("script", "-q", "-e", "-c", "stty cols 200 rows 50; exec " + command, "/dev/null");
    }
    Path config = Files.createTempDirectory("docker-config");
    try {
      ProcessBuilder pb = new ProcessBuilder(argv);
      pb.environment().put("DOCKER_HOST", lab.host());
      pb.environment().put("DOCKER_CONFIG", config.toString());
      pb.environment().put("TERM", "xterm");
      Path out = Files.createTempFile("docker-out", ".txt");
      Path err = Files.createTempFile("docker-err", ".txt");
      pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      Process p = pb.start();
      if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("docker " + args + " did not finish");
      }
      String[] r = {Integer.toString(p.exitValue()), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8)};
      Files.delete(out);
      Files.delete(err);
      return r;
    } finally {
      Files.deleteIfExists(config);
    }
  }
}
