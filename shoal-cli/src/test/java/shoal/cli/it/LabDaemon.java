package shoal.cli.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import shoal.common.CommandResult;
import shoal.common.Commands;
import shoal.lab.DaemonHost;
import shoal.lab.VirtualHost;

/**
 * A shoald of this build in a lab host of its own, for the CLI's integration tests, and the two
 * clients to drive it: {@link #shoal} (this CLI, as a process) and {@link #docker} (the stock
 * docker CLI, to compare with).
 *
 * <p>Hosts are named {@code sct-<test JVM pid>-<n>}; starting one removes hosts left by test JVMs
 * that died. The launcher is the one of shoal-daemon's TestDaemon, copied rather than shared
 * through a test jar.
 */
final class LabDaemon implements AutoCloseable {
  private static final Path STATE_ROOT = Path.of("/tmp/shoal-cli-it");
  private static final String PREFIX = "sct-";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

  private final DaemonHost node;

  private LabDaemon(DaemonHost node) {
    this.node = node;
  }

  static LabDaemon start() throws IOException {
    removeLeftovers();
    int n = COUNTER.incrementAndGet();
    String name = PREFIX + ProcessHandle.current().pid() + "-" + n;
    Path state = STATE_ROOT.resolve(name);
    deleteTree(state);
    Files.createDirectories(state);
    VirtualHost host = VirtualHost.create(name, "sct" + n, state);
    DaemonHost node = new DaemonHost(host, daemonCommand());
    try {
      node.start();
    } catch (IOException | RuntimeException e) {
      node.close();
      throw e;
    }
    return new LabDaemon(node);
  }

  private static List<String> daemonCommand() {
    return List.of(java(), "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), "shoal.daemon.Main", "--log-level", "debug");
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  String host() {
    return "unix://" + node.socket();
  }

  Path stateDir() {
    return node.host().stateDir();
  }

  String log() {
    return node.log();
  }

  /** This CLI, as {@code bin/shoal} runs it, with {@code SHOAL_HOST} pointing at the daemon. */
  CommandResult shoal(String... args) {
    return shoal(null, args);
  }

  CommandResult shoal(byte[] stdin, String... args) {
    return run(stdin, Map.of("SHOAL_HOST", host()), args);
  }

  /** This CLI with a given environment (no SHOAL_HOST unless given). */
  static CommandResult run(byte[] stdin, Map<String, String> env, String... args) {
    List<String> argv = new ArrayList<>(cliCommand());
    argv.addAll(List.of(args));
    return Commands.run(argv, stdin, env, COMMAND_TIMEOUT);
  }

  /** How bin/shoal starts the CLI, from the classes under test. */
  static List<String> cliCommand() {
    return List.of(java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "shoal.cli.Main");
  }

  /**
   * A shell command line run by script(1) in a pseudo-terminal, {@code shoal} in it standing for
   * this CLI against this daemon: for what needs a real terminal (-it, raw mode, window size).
   */
  CommandResult inTerminal(String shellLine, byte[] typed) {
    String shoal = "SHOAL_HOST=" + host() + " " + String.join(" ", cliCommand().stream().map(a -> "'" + a + "'").toList());
    String line = shellLine.replace("shoal ", shoal + " ");
    return Commands.run(List.of("script", "-qec", line, "/dev/null"), typed, Map.of(), COMMAND_TIMEOUT);
  }

  CommandResult docker(String... args) {
    return node.docker(COMMAND_TIMEOUT, args);
  }

  CommandResult inHost(String... argv) {
    return node.host().exec(argv);
  }

  /** Kills the host and everything in it, and deletes its state (data root, logs). */
  @Override
  public void close() {
    node.close();
    try {
      deleteTree(node.host().stateDir());
    } catch (IOException | RuntimeException e) {
      // Left for the next run's cleanup; the namespaces are gone already.
    }
  }

  private static void removeLeftovers() throws IOException {
    if (!Files.isDirectory(Path.of("/run/netns"))) {
      return;
    }
    try (var names = Files.list(Path.of("/run/netns"))) {
      for (Path ns : names.toList()) {
        String n = ns.getFileName().toString();
        if (!n.startsWith(PREFIX)) {
          continue;
        }
        String[] parts = n.substring(PREFIX.length()).split("-");
        boolean ownerAlive = parts.length == 2
            && ProcessHandle.of(Long.parseLong(parts[0])).map(ProcessHandle::isAlive).orElse(false);
        if (!ownerAlive) {
          VirtualHost.removeQuietly(n, STATE_ROOT.resolve(n));
          deleteTree(STATE_ROOT.resolve(n));
        }
      }
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (Files.exists(p)) {
      Commands.check("rm", "-rf", "--one-file-system", p.toString());
    }
  }
}
