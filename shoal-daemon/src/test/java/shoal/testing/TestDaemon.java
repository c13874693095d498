package shoal.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import shoal.common.CommandResult;
import shoal.common.Commands;
import shoal.lab.DaemonHost;
import shoal.lab.VirtualHost;

/**
 * A shoald of this build (the test classpath) in a host of its own, for integration tests: own
 * network, mount, UTS and PID namespaces. {@link #docker} runs the stock docker CLI against it.
 *
 * <p>Hosts are named {@code sdt-<test JVM pid>-<n>}; starting one first removes hosts left by test
 * JVMs that died, so a crashed run never breaks the next.
 */
public final class TestDaemon implements AutoCloseable {
  private static final Path STATE_ROOT = Path.of("/tmp/shoal-it");
  private static final String PREFIX = "sdt-";
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final DaemonHost node;

  private TestDaemon(DaemonHost node) {
    this.node = node;
  }

  /** Starts a daemon in a fresh host; {@code extraArgs} are appended to shoald's command line. */
  public static TestDaemon start(String... extraArgs) throws IOException {
    removeLeftovers();
    int n = COUNTER.incrementAndGet();
    String name = PREFIX + ProcessHandle.current().pid() + "-" + n;
    Path state = STATE_ROOT.resolve(name);
    deleteTree(state);
    Files.createDirectories(state);
    VirtualHost host = VirtualHost.create(name, "sdt" + n, state);
    DaemonHost node = new DaemonHost(host, daemonCommand(extraArgs));
    try {
      node.start();
    } catch (IOException | RuntimeException e) {
      node.close();
      throw e;
    }
    return new TestDaemon(node);
  }

  /** shoald from the classes under test. */
  public static List<String> daemonCommand(String... extraArgs) {
    List<String> argv = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED",
        "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        "shoal.daemon.Main",
        "--log-level", "debug"));
    argv.addAll(List.of(extraArgs));
    return argv;
  }

  public DaemonHost node() {
    return node;
  }

  public VirtualHost host() {
    return node.host();
  }

  public Path socket() {
    return node.socket();
  }

  public String log() {
    return node.log();
  }

  /** Starts shoald again on the same data root. */
  public void restart() throws IOException {
    node.start();
  }

  public void kill9() {
    node.kill9();
  }

  public void stop() {
    node.stop();
  }

  public CommandResult docker(String... args) {
    return node.docker(Duration.ofSeconds(60), args);
  }

  public CommandResult docker(Duration timeout, String... args) {
    return node.docker(timeout, args);
  }

  public CommandResult api(String method, String path, String... jsonBody) {
    return node.api(method, path, jsonBody);
  }

  /** Runs a command inside the daemon's host (its namespaces). */
  public CommandResult inHost(String... argv) {
    return node.host().exec(argv);
  }

  @Override
  public void close() {
    node.close();
  }

  /** Removes hosts of test JVMs that are gone. */
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
