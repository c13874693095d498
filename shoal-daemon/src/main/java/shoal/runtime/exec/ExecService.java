package shoal.runtime.exec;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.ConflictException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.errors.SystemException;
import shoal.events.Event;
import shoal.events.EventLog;
import shoal.runtime.oci.OciSpec;
import shoal.runtime.runc.Runc;

/**
 * {@code docker exec}: each exec is a {@code runc exec} child of the daemon, with pipes, or with a
 * terminal the daemon allocates (so that resize works). Exit codes are runc's, which are the
 * process's (128 + signal when killed).
 */
public final class ExecService {
  private static final Logger log = LoggerFactory.getLogger(ExecService.class);
  private static final Map<String, String> ENV =
      Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

  private final ExecHost host;
  private final Runc runc;
  private final Path dir;
  private final EventLog events;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Exec> execs = new ConcurrentHashMap<>();

  /** @param dir where process.json files live while execs run ({@code <exec-root>/exec}) */
  public ExecService(ExecHost host, Runc runc, Path dir, EventLog events) {
    this.host = host;
    this.runc = runc;
    this.dir = dir;
    this.events = events;
  }

  public Exec create(String containerRef, ExecConfig config) {
    if (config.cmd().isEmpty()) {
      throw new InvalidArgumentException("No exec command specified");
    }
    ExecTarget t = host.target(containerRef, config);
    byte[] b = new byte[32];
    random.nextBytes(b);
    Exec e = new Exec(HexFormat.of().formatHex(b), t, config);
    execs.put(e.id(), e);
    host.execAdded(t.containerId(), e.id());
    publish(e, "exec_create: " + String.join(" ", config.cmd()), Map.of());
    return e;
  }

  public Exec get(String id) {
    Exec e = execs.get(id);
    if (e == null) {
      throw new NotFoundException("No such exec instance: " + id);
    }
    return e;
  }

  /**
   * Starts the exec. Detached, its output is discarded; otherwise the caller copies the session's
   * streams and waits for {@link ExecSession#exit()}.
   */
  public ExecSession start(String id, boolean detach) throws IOException {
    return start(id, detach, 0);
  }

  /**
   * Starts the exec; a terminal exec without a size first waits up to {@code sizeWaitMs} for the
   * client's first resize, so that the process never starts on a 0×0 terminal (its first
   * {@code stty size} would fail). Call it after the client has its stream (after the hijack).
   */
  public ExecSession start(String id, boolean detach, long sizeWaitMs) throws IOException {
    Exec e = get(id);
    // The container may have stopped since the exec was created.
    host.target(e.target().containerId(), e.config());
    if (!e.begin()) {
      throw new ConflictException("Error: Exec command " + id + " is already running");
    }
    Files.createDirectories(dir);
    Path spec = dir.resolve(id + ".json");
    Path pidFile = dir.resolve(id + ".pid");
    List<String> argv = runc.execArgv(e.target().containerId(), spec, pidFile);
    ExecSession s;
    try {
      int[] size = e.config().tty() ? e.initialSize(detach ? 0 : sizeWaitMs) : new int[] {0, 0};
      Files.write(spec, OciSpec.toBytes(OciSpec.process(e.target().process().withConsoleSize(size[0], size[1]))));
      s = e.config().tty()
          ? startWithTerminal(argv, size)
          : startWithPipes(argv, e.config(), detach);
    } catch (IOException | RuntimeException | InterruptedException ex) {
      if (ex instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      e.finished(126);
      cleanup(e, spec, pidFile);
      throw new SystemException("cannot start exec " + id + ": " + ex.getMessage(), ex);
    }
    e.session(s);
    publish(e, "exec_start: " + String.join(" ", e.config().cmd()), Map.of());
    if (detach && s.tty()) {
      // Nobody reads the terminal: drain it, or the process blocks once its buffer is full.
      Thread.ofPlatform().daemon().name("exec-drain-" + id.substring(0, 12))
          .start(() -> {
            drain(s.stdout());
            s.closeTerminal();
          });
    }
    Thread.ofVirtual().start(() -> awaitPidFile(e, pidFile, s));
    Thread.ofPlatform().daemon().name("exec-wait-" + id.substring(0, 12)).start(() -> {
      int code = awaitExit(s);
      e.finished(code);
      readPid(e, pidFile);
      cleanup(e, spec, pidFile);
      publish(e, "exec_die", Map.of("exitCode", Integer.toString(code)));
      log.debug("exec {} in {} exited with {}", id.substring(0, 12), e.target().containerId().substring(0, 12), code);
      s.exit().complete(code);
    });
    return s;
  }

  /** runc writes the exec's PID a few milliseconds after it starts; inspect shows it from then on. */
  private static void awaitPidFile(Exec e, Path pidFile, ExecSession s) {
    for (int i = 0; i < 100 && e.pid() == 0; i++) {
      readPid(e, pidFile);
      if (e.pid() != 0 || s.exit().isDone()) {
        return;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private ExecSession startWithTerminal(List<String> argv, int[] size) throws IOException {
    Pty pty = Pty.open();
    if (size[0] > 0 && size[1] > 0) {
      pty.resize(size[0], size[1]);
    }
    int slave = pty.openSlave();
    try {
      long pid = Posix.spawn(argv, ENV, Map.of(0, slave, 1, slave, 2, slave));
      return new ExecSession(pty, null, pid);
    } catch (IOException | RuntimeException e) {
      pty.close();
      throw e;
    } finally {
      Posix.close(slave);
    }
  }

  private ExecSession startWithPipes(List<String> argv, ExecConfig c, boolean detach) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().clear();
    pb.environment().putAll(ENV);
    if (!c.attachStdin() || detach) {
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    if (!c.attachStdout() || detach) {
      pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }
    if (!c.attachStderr() || detach) {
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    }
    Process p = pb.start();
    return new ExecSession(null, p, p.pid());
  }

  /** Waits for the exec's runc to exit; its status is the process's (128 + signal if killed). */
  private static int awaitExit(ExecSession s) {
    try {
      return s.tty() ? Posix.awaitExit(s.pid()) : s.process().waitFor();
    } catch (IOException e) {
      log.warn("waiting for exec process {} failed: {}", s.pid(), e.toString());
      return 255;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 255;
    }
  }

  public void resize(String id, int height, int width) throws IOException {
    Exec e = get(id);
    if (e.earlySize(height, width)) {
      return;
    }
    ExecSession s = e.session();
    if (s == null || !e.running()) {
      throw new ConflictException("Exec " + id + " is not running");
    }
    s.resize(height, width);
  }

  private static void drain(InputStream in) {
    try {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException ignored) {
      // the terminal is gone
    }
  }

  private static void readPid(Exec e, Path pidFile) {
    if (e.pid() != 0) {
      return;
    }
    try {
      e.pid(Long.parseLong(Files.readString(pidFile).strip()));
    } catch (IOException | NumberFormatException ignored) {
      // not written yet (runc writes it once the process runs)
    }
  }

  private void cleanup(Exec e, Path spec, Path pidFile) {
    try {
      Files.deleteIfExists(spec);
      Files.deleteIfExists(pidFile);
    } catch (IOException ex) {
      log.debug("cannot remove files of exec {}: {}", e.id(), ex.toString());
    }
    host.execRemoved(e.target().containerId(), e.id());
  }

  private void publish(Exec e, String action, Map<String, String> extra) {
    Map<String, String> attrs = new LinkedHashMap<>(e.target().labels());
    attrs.put("execID", e.id());
    attrs.put("image", e.target().image());
    attrs.put("name", e.target().containerName());
    attrs.putAll(extra);
    events.publish(Event.local("container", action, e.target().containerId(), attrs));
  }
}
