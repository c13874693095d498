package shoal.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import shoal.common.CommandResult;
import shoal.common.Commands;

/**
 * A {@link VirtualHost} with a shoald running in it. The daemon listens on its default socket
 * inside the host and on {@link #socket()} in the host's state directory, which the machine (the
 * lab's CLI, tests) reaches from outside.
 */
public final class DaemonHost implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final String DOCKER = "/usr/local/bin/docker";
  private static final String DAEMON_MAIN = "shoal.daemon.Main";

  private final VirtualHost host;
  private final List<String> daemonCommand;
  private Process launcher;

  /**
   * @param daemonCommand how to run shoald, e.g. {@code [/usr/local/bin/shoald]}; the host's
   *     socket option is appended
   */
  public DaemonHost(VirtualHost host, List<String> daemonCommand) {
    this.host = host;
    this.daemonCommand = List.copyOf(daemonCommand);
  }

  public VirtualHost host() {
    return host;
  }

  public Path socket() {
    return host.stateDir().resolve("shoal.sock");
  }

  public Path logFile() {
    return host.stateDir().resolve("shoald.log");
  }

  /** Starts shoald (again, on the same data root) and waits until its API answers. */
  public void start() throws IOException {
    if (running()) {
      throw new IllegalStateException("shoald already runs on " + host.hostname());
    }
    List<String> argv = new ArrayList<>(daemonCommand);
    argv.addAll(List.of("-H", "unix:///run/shoal.sock", "-H", "unix://" + socket(),
        "--cgroup-parent", CgroupTree.parentFor(host.name())));
    launcher = host.spawn(argv, Map.of(), logFile());
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (pingOk()) {
        return;
      }
      if (!launcher.isAlive()) {
        throw new IllegalStateException("shoald exited at start:\n" + log());
      }
      sleep(25);
    }
    throw new IllegalStateException("shoald did not answer within " + START_TIMEOUT + ":\n" + log());
  }

  private boolean pingOk() {
    CommandResult r = Commands.run(
        List.of("curl", "-s", "--max-time", "2", "--unix-socket", socket().toString(), "http://shoal/_ping"),
        null, Map.of(), Duration.ofSeconds(5));
    return r.ok() && r.stdout().equals("OK");
  }

  /**
   * The daemon's process as the machine sees it: the process in this host's PID namespace that
   * runs shoald's main class. Found afresh each time, so it works from any process (the lab CLI
   * that started the daemon has usually exited).
   */
  public Optional<ProcessHandle> daemonProcess() {
    Optional<String> hostPidNs = pidNamespace(host.initPid());
    if (hostPidNs.isEmpty()) {
      return Optional.empty();
    }
    return ProcessHandle.allProcesses()
        .filter(h -> pidNamespace(h.pid()).equals(hostPidNs))
        .filter(h -> runsDaemonMain(h.pid()))
        .findFirst();
  }

  /**
   * Read from /proc directly: ProcessHandle.Info gives no command line when it is long, and a
   * daemon started from a test classpath has a very long one.
   */
  private static boolean runsDaemonMain(long pid) {
    try {
      byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return new String(cmdline, java.nio.charset.StandardCharsets.UTF_8).contains(DAEMON_MAIN);
    } catch (IOException e) {
      return false;
    }
  }

  private static Optional<String> pidNamespace(long pid) {
    try {
      return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "pid")).toString());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public boolean running() {
    return daemonProcess().map(ProcessHandle::isAlive).orElse(false);
  }

  /** SIGKILL, as a crash would; containers keep running. */
  public void kill9() {
    daemonProcess().ifPresent(ProcessHandle::destroyForcibly);
    awaitExit();
  }

  /** The daemon's PID as the machine sees it, or -1 when it does not run. */
  public long pid() {
    return daemonProcess().map(ProcessHandle::pid).orElse(-1L);
  }

  /** SIGTERM: an orderly stop. */
  public void stop() {
    daemonProcess().ifPresent(ProcessHandle::destroy);
    awaitExit();
  }

  private void awaitExit() {
    for (int i = 0; i < 600 && running(); i++) {
      sleep(50);
    }
    if (launcher != null) {
      try {
        launcher.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public String log() {
    try {
      return Files.readString(logFile());
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** The stock docker CLI against this daemon, run from outside the host. */
  public CommandResult docker(Duration timeout, String... args) {
    List<String> argv = new ArrayList<>(List.of(DOCKER));
    argv.addAll(List.of(args));
    return Commands.run(argv, null, Map.of("DOCKER_HOST", "unix://" + socket()), timeout);
  }

  /** A raw Engine API call with curl: method, path with query, optional JSON body. */
  public CommandResult api(String method, String path, String... jsonBody) {
    List<String> argv = new ArrayList<>(List.of(
        "curl", "-sS", "--max-time", "30", "--unix-socket", socket().toString(), "-X", method));
    if (jsonBody.length > 0) {
      argv.addAll(List.of("-H", "Content-Type: application/json", "--data-binary", jsonBody[0]));
    }
    argv.add("http://shoal" + path);
    return Commands.run(argv, null, Map.of(), Duration.ofSeconds(35));
  }

  /** Kills the host and everything in it, and removes its containers' cgroups. */
  @Override
  public void close() {
    removeQuietly(host.name(), host.stateDir());
  }

  /**
   * Removes a daemon host by name whatever state it is in (also one left by a process that
   * crashed): the host with everything in it, and its containers' cgroups. Idempotent.
   */
  public static void removeQuietly(String hostNetns, Path stateDir) {
    VirtualHost.removeQuietly(hostNetns, stateDir);
    CgroupTree.remove(hostNetns);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
