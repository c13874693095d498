package shoal.lab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;
import shoal.lab.Lab;

/** The {@code --name} option every lab command takes, and how to find shoald. */
final class LabOptions {
  @Option(names = "--help", usageHelp = true, description = "Print usage")
  boolean help;

  @Option(names = "--name", description = "The lab's name.", defaultValue = Lab.DEFAULT_NAME)
  String name;

  Lab open() throws IOException {
    return Lab.open(name).orElseThrow(() -> new IllegalArgumentException(
        "no lab named " + name + "; bring one up with `shoal lab up --name " + name + "`"));
  }

  /**
   * {@code $SHOAL_LAB_SHOALD} (a command line) if set, else the system property
   * {@code shoal.lab.shoald} (tests: the daemon under test), else the installed shoald.
   */
  static List<String> daemonCommand() {
    String env = System.getenv("SHOAL_LAB_SHOALD");
    if (env == null || env.isBlank()) {
      env = System.getProperty("shoal.lab.shoald");
    }
    if (env != null && !env.isBlank()) {
      return Arrays.asList(env.trim().split("\\s+"));
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin").split(":")) {
      Path p = Path.of(dir, "shoald");
      if (Files.isExecutable(p)) {
        return List.of(p.toString());
      }
    }
    throw new IllegalStateException("shoald is not installed: run `make install` first");
  }
}
