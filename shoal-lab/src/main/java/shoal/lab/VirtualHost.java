package shoal.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shoal.common.CommandException;
import shoal.common.CommandResult;
import shoal.common.Commands;

/**
 * One virtual host: a named network namespace plus an init process (tini, PID 1 of its own PID
 * namespace) that holds the host's private mount and UTS namespaces. Inside, the host sees its
 * own hostname, its own /run (so its own named network namespaces and runc state), its own
 * /var/lib/shoal and a /sys that describes its network namespace.
 *
 * <p>Killing the init kills every process of the host — its daemon, runc, containers — because
 * they all live in its PID namespace; their mounts and network namespaces go with the mount
 * namespace. So teardown is exact even after the host's processes were killed with -9.
 */
public final class VirtualHost implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

  private final String name;
  private final String hostname;
  private final Path stateDir;
  private final long initPid;

  private VirtualHost(String name, String hostname, Path stateDir, long initPid) {
    this.name = name;
    this.hostname = hostname;
    this.stateDir = stateDir;
    this.initPid = initPid;
  }

  /**
   * Creates the host. {@code name} names its network namespace (/run/netns/NAME) and must be unique
   * on the machine; {@code stateDir} keeps its files (data root, logs, the init's PID).
   */
  public static VirtualHost create(String name, String hostname, Path stateDir) {
    Commands.check("ip", "netns", "add", name);
    try {
      Commands.check("ip", "-n", name, "link", "set", "lo", "up");
      Files.createDirectories(stateDir.resolve("lib"));
      Files.createDirectories(stateDir.resolve(".cgroup"));
      if (!Files.exists(stateDir.resolve("resolv.conf"))) {
        // No upstream resolver: the host's loopback refuses at once, and nothing leaves the lab.
        Files.writeString(
            stateDir.resolve("resolv.conf"),
            "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
      }
      Files.writeString(stateDir.resolve("hostname"), hostname + "\n");
      Files.deleteIfExists(stateDir.resolve("init.pid"));
      String setup =
          String.join(
              "\n",
              "set -e",
              "S=\"$1\"",
              "hostname \"$2\"",
              // A fresh sysfs shows this network namespace; keep the cgroup tree runc needs.
              "mount --rbind /sys/fs/cgroup \"$S/.cgroup\"",
              "mount -t sysfs sysfs /sys",
              "mount --move \"$S/.cgroup\" /sys/fs/cgroup",
              "mount -t tmpfs -o mode=755 tmpfs /run",
              "mkdir -p /run/netns /run/shoal /var/lib/shoal",
              "mount --bind \"$S/lib\" /var/lib/shoal",
              "mount --bind \"$S/resolv.conf\" /etc/resolv.conf",
              "mount --bind \"$S/hostname\" /etc/hostname",
              "exec tini -s -- sleep infinity");
      List<String> argv =
          List.of(
              "setsid", "nsenter", "--net=/run/netns/" + name, "--",
              "unshare", "--mount", "--uts", "--pid", "--fork", "--mount-proc", "--propagation", "private",
              "--", "/bin/sh", "-c", setup, "vhost-init", stateDir.toString(), hostname);
      ProcessBuilder pb = new ProcessBuilder(argv);
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(stateDir.resolve("init.log").toFile()));
      pb.redirectErrorStream(true);
      Process unshare = pb.start();
      long init = awaitInit(unshare, stateDir);
      Files.writeString(stateDir.resolve("init.pid"), init + "\n");
      Files.writeString(stateDir.resolve("netns"), name + "\n");
      return new VirtualHost(name, hostname, stateDir, init);
    } catch (IOException | RuntimeException e) {
      removeQuietly(name, stateDir);
      throw e instanceof RuntimeException re ? re : new CommandException("cannot create host " + name, e);
    }
  }

  /** The init is the unshare's child; it is ready once it runs tini (after the mounts). */
  private static long awaitInit(Process unshare, Path stateDir) throws IOException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      // setsid may fork; the unshare process is a descendant either way.
      Optional<ProcessHandle> init =
          ProcessHandle.of(unshare.pid()).stream()
              .flatMap(ProcessHandle::descendants)
              .filter(h -> h.info().command().map(c -> c.endsWith("/sleep") || c.endsWith("/tini")).orElse(false))
              .filter(h -> h.info().command().orElse("").endsWith("tini"))
              .findFirst();
      if (init.isPresent()) {
        return init.get().pid();
      }
      if (!unshare.isAlive() && ProcessHandle.of(unshare.pid()).stream().flatMap(ProcessHandle::descendants).findAny().isEmpty()) {
        throw new CommandException(
            "host setup failed: " + Files.readString(stateDir.resolve("init.log")).strip(), null);
      }
      sleep(10);
    }
    throw new CommandException("host init did not come up within " + READY_TIMEOUT.toSeconds() + " s", null);
  }

  /** Finds a host made earlier (by this or another process) from its state directory. */
  public static Optional<VirtualHost> attach(String name, String hostname, Path stateDir) {
    try {
      long pid = Long.parseLong(Files.readString(stateDir.resolve("init.pid")).strip());
      if (!isInit(pid)) {
        return Optional.empty();
      }
      return Optional.of(new VirtualHost(name, hostname, stateDir, pid));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isInit(long pid) {
    return ProcessHandle.of(pid)
        .flatMap(h -> h.info().command())
        .map(c -> c.endsWith("tini"))
        .orElse(false);
  }

  public String name() {
    return name;
  }

  public String hostname() {
    return hostname;
  }

  public Path stateDir() {
    return stateDir;
  }

  /** The init's PID as the machine sees it. */
  public long initPid() {
    return initPid;
  }

  public boolean alive() {
    return isInit(initPid);
  }

  /** {@code argv} prefixed so that it runs inside this host (all its namespaces). */
  public List<String> inside(List<String> argv) {
    List<String> full = new ArrayList<>(
        List.of("nsenter", "-t", Long.toString(initPid), "-m", "-u", "-n", "-p", "--"));
    full.addAll(argv);
    return full;
  }

  /** Runs a command inside the host and waits for it. */
  public CommandResult exec(List<String> argv, Duration timeout) {
    return Commands.run(inside(argv), null, Map.of(), timeout);
  }

  public CommandResult exec(String... argv) {
    return exec(List.of(argv), Commands.DEFAULT_TIMEOUT);
  }

  /**
   * Starts a long-running process inside the host (a daemon), detached from the caller so it
   * outlives it; its output is appended to {@code log}.
   */
  public Process spawn(List<String> argv, Map<String, String> env, Path log) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(inside(argv));
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.redirectErrorStream(true);
    return pb.start();
  }

  /** Kills everything in the host and removes its namespace; the state directory stays. */
  @Override
  public void close() {
    removeQuietly(name, stateDir);
  }

  /**
   * Removes a host by name and state directory, whatever state it is in: the init (and with it
   * every process of the host) is killed, the network namespace deleted. Idempotent.
   */
  public static void removeQuietly(String name, Path stateDir) {
    try {
      long pid = Long.parseLong(Files.readString(stateDir.resolve("init.pid")).strip());
      if (isInit(pid)) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        awaitGone(pid);
      }
    } catch (IOException | NumberFormatException e) {
      // No init was recorded: nothing runs.
    }
    if (Files.exists(Path.of("/run/netns", name))) {
      CommandResult r = Commands.run(List.of("ip", "netns", "del", name));
      if (!r.ok()) {
        // A process still inside keeps the namespace busy for a moment after SIGKILL.
        sleep(100);
        Commands.run(List.of("ip", "netns", "del", name));
      }
    }
  }

  private static void awaitGone(long pid) {
    for (int i = 0; i < 100 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
      sleep(20);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
