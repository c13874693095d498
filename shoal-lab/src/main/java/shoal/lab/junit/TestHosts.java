package shoal.lab.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import shoal.common.Commands;
import shoal.lab.DaemonHost;
import shoal.lab.VirtualHost;

/**
 * Single-host daemons for integration tests: a shoald of the classes under test in a virtual host
 * of its own, named {@code <prefix><test JVM pid>-<n>} so that making one first removes those that
 * test JVMs which died left behind (hosts, cgroups, state), and a crashed run never breaks the next.
 */
public final class TestHosts {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestHosts() {}

  /**
   * Starts a daemon of the classes under test in a fresh host.
   *
   * @param prefix names this kind of test host, e.g. {@code sdt-}
   * @param stateRoot where hosts of this prefix keep their state
   * @param extraArgs appended to shoald's command line
   */
  public static DaemonHost start(String prefix, Path stateRoot, String... extraArgs) throws IOException {
    removeOrphans(prefix, stateRoot);
    int n = COUNTER.incrementAndGet();
    String name = prefix + ProcessHandle.current().pid() + "-" + n;
    Path state = stateRoot.resolve(name);
    deleteTree(state);
    Files.createDirectories(state);
    VirtualHost host = VirtualHost.create(name, prefix.replace("-", "") + n, state);
    DaemonHost node = new DaemonHost(host, daemonCommand(extraArgs));
    try {
      node.start();
    } catch (IOException | RuntimeException e) {
      node.close();
      throw e;
    }
    return node;
  }

  /** Kills the host with everything in it and deletes its state. */
  public static void remove(DaemonHost node) {
    node.close();
    try {
      deleteTree(node.host().stateDir());
    } catch (IOException | RuntimeException e) {
      // Left for the next run's cleanup of orphans; the namespaces are gone already.
    }
  }

  /**
   * shoald for tests: the command in the system property {@code shoal.lab.shoald} if set; else the
   * daemon on the test classpath (a module whose tests depend on shoal-daemon); else the installed one.
   */
  public static List<String> daemonCommand(String... extraArgs) {
    List<String> argv = new ArrayList<>();
    String prop = System.getProperty("shoal.lab.shoald");
    String cp = System.getProperty("java.class.path", "");
    if (prop != null && !prop.isBlank()) {
      argv.addAll(Arrays.asList(prop.trim().split("\\s+")));
    } else if (Arrays.stream(cp.split(":"))
        .anyMatch(e -> e.contains("shoal-daemon") || Files.exists(Path.of(e, "shoal/daemon/Main.class")))) {
      argv.addAll(List.of(
          ProcessHandle.current().info().command().orElse("java"),
          "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
          "-cp", cp, "shoal.daemon.Main", "--log-level", "debug"));
    } else {
      argv.add("/usr/local/bin/shoald");
    }
    argv.addAll(List.of(extraArgs));
    return argv;
  }

  private static void removeOrphans(String prefix, Path stateRoot) throws IOException {
    Path netns = Path.of("/run/netns");
    if (!Files.isDirectory(netns)) {
      return;
    }
    try (var names = Files.list(netns)) {
      for (Path ns : names.toList()) {
        String n = ns.getFileName().toString();
        if (!n.startsWith(prefix)) {
          continue;
        }
        String[] parts = n.substring(prefix.length()).split("-");
        boolean ownerAlive = parts.length == 2 && parts[0].matches("\\d+")
            && ProcessHandle.of(Long.parseLong(parts[0])).map(ProcessHandle::isAlive).orElse(false);
        if (!ownerAlive) {
          DaemonHost.removeQuietly(n, stateRoot.resolve(n));
          deleteTree(stateRoot.resolve(n));
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
