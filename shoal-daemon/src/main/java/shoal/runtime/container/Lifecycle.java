package shoal.runtime.container;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.ConflictException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotModifiedException;
import shoal.errors.ShoalException;
import shoal.errors.SystemException;
import shoal.events.Event;
import shoal.runtime.rootfs.Mounts;
import shoal.runtime.runc.Signals;

/**
 * Starts, stops, kills, pauses containers and handles their exits, with the restart policies.
 * Callers hold {@link Container#operations} for start, stop, restart and pause; exits arrive on
 * the container's exit thread and only take the container's monitor.
 */
final class Lifecycle {
  private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);
  static final int DEFAULT_STOP_TIMEOUT = 10;
  private static final long KILL_WAIT_SECONDS = 30;

  private final RuntimePaths paths;
  private final RuntimeParts parts;
  private final Bundle bundle;
  private final Consumer<Container> autoRemove;

  /** @param autoRemove removes a {@code --rm} container once it exited (takes its operations lock) */
  Lifecycle(RuntimePaths paths, RuntimeParts parts, Consumer<Container> autoRemove) {
    this.paths = paths;
    this.parts = parts;
    this.bundle = new Bundle(paths, parts);
    this.autoRemove = autoRemove;
  }

  /** Starts by a user's request: the restart policy starts over. Caller holds the operations lock. */
  void start(Container c) {
    ContainerRecord r = c.record();
    switch (r.state().status()) {
      case RUNNING -> throw new NotModifiedException("container already started");
      case PAUSED -> throw new ConflictException("cannot start a paused container, try unpause instead");
      case REMOVING, DEAD -> throw new ConflictException("container " + r.id() + " is marked for removal and cannot be started");
      default -> { }
    }
    cancelRestart(c);
    c.update(x -> x.withBackoff(RestartBackoff.initial()).withManuallyStopped(false));
    launch(c);
  }

  /** Prepares the bundle and starts the process; a failure undoes every step. */
  void launch(Container c) {
    ContainerRecord r = c.record();
    String id = r.id();
    RunDir run = c.runDir();
    Undo undo = new Undo();
    Bundle.Prepared prepared;
    ContainerProcess p;
    try {
      prepared = bundle.prepare(c, undo);
      p = ContainerProcess.start(id, run, parts.runc().runArgv(id, run.dir(), run.initPid(), run.runcLog()),
          r.config().tty(), stdinMode(r.config()), r.host().consoleSize());
      c.hub().startRun();
      c.logFile().startRun();
    } catch (ContainerProcess.StartFailure f) {
      ShoalException e = f.exitCode == 126 || f.exitCode == 127
          ? new InvalidArgumentException(f.getMessage())
          : new SystemException(f.getMessage());
      failed(c, undo, e, f.exitCode);
      throw e;
    } catch (IOException | RuntimeException e) {
      ShoalException se = e instanceof ShoalException x
          ? x
          : new SystemException("cannot start container " + r.shortId() + ": " + e.getMessage(), e);
      failed(c, undo, se, 128);
      throw se;
    }
    c.process(p);
    Instant now = parts.clock().instant();
    ContainerRecord started = c.update(x -> x.withState(x.state().running(p.initPid(), now))
        .withSandbox(prepared.sandbox().endpoints(), prepared.sandbox().ports(),
            prepared.sandbox().netnsPath() == null ? "" : prepared.sandbox().netnsPath().toString()));
    log.info("container {} started (pid {})", r.shortId(), p.initPid());
    publish(started, "start", Map.of());
    p.watch(c.hub(), c.logFile(), parts.clock(), code -> exited(c, code));
  }

  private void failed(Container c, Undo undo, ShoalException e, int exitCode) {
    undo.run(e);
    try {
      parts.runc().delete(c.id(), true);
    } catch (RuntimeException ex) {
      e.addSuppressed(ex);
    }
    c.update(x -> x.withState(x.state().failed(exitCode, e.getMessage())));
    log.info("container {} failed to start: {}", c.record().shortId(), e.getMessage());
    if (c.record().host().autoRemove()) {
      Thread.ofVirtual().start(() -> autoRemove.accept(c));
    }
  }

  static Wrapper.Stdin stdinMode(ContainerConfig config) {
    if (!config.openStdin()) {
      return Wrapper.Stdin.NONE;
    }
    return config.stdinOnce() ? Wrapper.Stdin.ONCE : Wrapper.Stdin.OPEN;
  }

  /** Stops with the stop signal, then SIGKILL after the grace period. Caller holds the operations lock. */
  void stop(Container c, Integer timeoutSeconds) {
    ContainerRecord r = c.record();
    if (r.state().status() == ContainerStatus.RESTARTING) {
      cancelRestart(c);
      c.update(x -> x.withManuallyStopped(true).withState(x.state().withStatus(ContainerStatus.EXITED)));
      publish(c.record(), "stop", Map.of());
      return;
    }
    ContainerProcess p = c.process();
    if (p == null) {
      throw new NotModifiedException("Container " + r.id() + " is not running");
    }
    c.requestExit();
    c.update(x -> x.withManuallyStopped(true));
    int timeout = timeoutSeconds != null
        ? timeoutSeconds
        : r.config().stopTimeout() != null ? r.config().stopTimeout() : DEFAULT_STOP_TIMEOUT;
    signalThenKill(c, p, stopSignal(r), timeout);
    publish(c.record(), "stop", Map.of());
  }

  private void signalThenKill(Container c, ContainerProcess p, int signal, int timeoutSeconds) {
    sendSignal(c, signal);
    if (await(p.exit(), timeoutSeconds < 0 ? Long.MAX_VALUE : timeoutSeconds)) {
      return;
    }
    log.info("container {} did not exit within {} s of signal {}: killing it", c.record().shortId(), timeoutSeconds, signal);
    sendSignal(c, Signals.SIGKILL);
    if (!await(p.exit(), KILL_WAIT_SECONDS)) {
      throw new SystemException("container " + c.id() + " did not exit after SIGKILL");
    }
  }

  private void sendSignal(Container c, int signal) {
    publish(c.record(), "kill", Map.of("signal", Integer.toString(signal)));
    parts.runc().kill(c.id(), signal);
    if (c.record().state().status() == ContainerStatus.PAUSED) {
      // A frozen process cannot act on a signal, nor die of SIGKILL: thaw it, as Docker does.
      resume(c);
    }
  }

  /** Sends a signal; not running is Docker's 409. */
  void kill(Container c, String ref, int signal) {
    ContainerRecord r = c.record();
    if (c.process() == null) {
      throw new ConflictException("Cannot kill container: " + ref + ": Container " + r.id() + " is not running");
    }
    if (signal == stopSignal(r)) {
      c.requestExit();
    }
    c.update(x -> x.withManuallyStopped(true));
    sendSignal(c, signal);
  }

  /** Stop (if running) and start again. Caller holds the operations lock. */
  void restart(Container c, Integer timeoutSeconds) {
    if (c.process() != null || c.record().state().status() == ContainerStatus.RESTARTING) {
      stop(c, timeoutSeconds);
    }
    start(c);
    publish(c.record(), "restart", Map.of());
  }

  void pause(Container c) {
    ContainerRecord r = c.record();
    if (c.process() == null) {
      throw new ConflictException("Container " + r.id() + " is not running");
    }
    if (r.state().status() == ContainerStatus.PAUSED) {
      throw new ConflictException("Container " + r.id() + " is already paused");
    }
    parts.runc().pause(r.id());
    publish(c.update(x -> x.withState(x.state().withStatus(ContainerStatus.PAUSED))), "pause", Map.of());
  }

  void unpause(Container c) {
    ContainerRecord r = c.record();
    if (r.state().status() != ContainerStatus.PAUSED) {
      throw new ConflictException("Container " + r.id() + " is not paused");
    }
    resume(c);
  }

  private void resume(Container c) {
    parts.runc().resume(c.id());
    publish(c.update(x -> x.state().status() == ContainerStatus.PAUSED
        ? x.withState(x.state().withStatus(ContainerStatus.RUNNING)) : x), "unpause", Map.of());
  }

  /** The container's process ended and its output is in the log: record it, then apply the policy. */
  void exited(Container c, int code) {
    // Docker's order: die, then the network disconnects.
    publish(c.record(), "die", Map.of("exitCode", Integer.toString(code)));
    releaseRun(c);
    c.hub().endRun();
    c.logFile().endRun();
    Instant now = parts.clock().instant();
    boolean requested = c.takeExitRequested();
    ContainerRecord before = c.record();
    Instant startedAt = before.state().startedAt() == null ? now : before.state().startedAt();
    RestartBackoff.Decision d = before.backoff().decide(before.host().restartPolicy(), code, requested,
        before.manuallyStopped(), Duration.between(startedAt, now));
    ContainerRecord after = c.update(x -> x.withState(x.state().exited(code, now)
            .withStatus(d.restart() ? ContainerStatus.RESTARTING : ContainerStatus.EXITED))
        .withBackoff(d.next())
        .withSandbox(Map.of(), List.of(), ""));
    c.process(null);
    log.info("container {} exited with {}", after.shortId(), code);
    c.exited(code);
    if (d.restart()) {
      scheduleRestart(c, d.delay());
    } else if (after.host().autoRemove()) {
      Thread.ofVirtual().start(() -> autoRemove.accept(c));
    }
  }

  /** Undoes what a run set up: network sandbox, root mount, run directory. Each step is tried. */
  void releaseRun(Container c) {
    String id = c.id();
    if (java.nio.file.Files.exists(paths.runcRoot().resolve(id))) {
      // runc run deletes its state when it exits normally; left over, runc itself was killed.
      try {
        parts.runc().delete(id, true);
      } catch (RuntimeException e) {
        log.warn("container {}: runc delete: {}", c.record().shortId(), e.getMessage());
      }
    }
    try {
      parts.networking().tearDown(id);
    } catch (RuntimeException e) {
      log.warn("container {}: cannot tear down its network: {}", c.record().shortId(), e.getMessage());
    }
    try {
      Mounts.unmount(paths.merged(id));
    } catch (RuntimeException e) {
      log.warn("container {}: cannot unmount its root: {}", c.record().shortId(), e.getMessage());
    }
    try {
      ContainerStore.deleteTree(c.runDir().dir());
    } catch (RuntimeException e) {
      log.warn("container {}: cannot remove {}: {}", c.record().shortId(), c.runDir().dir(), e.getMessage());
    }
  }

  private void scheduleRestart(Container c, Duration delay) {
    Thread t = Thread.ofVirtual().name("restart-" + c.record().shortId()).unstarted(() -> {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        return;
      }
      c.operations.lock();
      try {
        if (c.pendingRestart() != Thread.currentThread()
            || c.record().state().status() != ContainerStatus.RESTARTING
            || c.removed().isDone()) {
          return;
        }
        c.pendingRestart(null);
        log.info("container {}: restarting by its policy {} (restart {})", c.record().shortId(),
            c.record().host().restartPolicy().name(), c.record().backoff().restarts());
        launch(c);
      } catch (RuntimeException e) {
        log.warn("container {}: restart by policy failed: {}", c.record().shortId(), e.getMessage());
        c.update(x -> x.withState(x.state().withStatus(ContainerStatus.EXITED)));
      } finally {
        c.operations.unlock();
      }
    });
    c.pendingRestart(t);
    t.start();
  }

  void cancelRestart(Container c) {
    Thread t = c.pendingRestart();
    if (t != null) {
      c.pendingRestart(null);
      t.interrupt();
    }
  }

  static int stopSignal(ContainerRecord r) {
    return r.config().stopSignal().isEmpty() ? Signals.SIGTERM : Signals.parse(r.config().stopSignal());
  }

  private static boolean await(CompletableFuture<Integer> f, long seconds) {
    try {
      f.get(seconds == Long.MAX_VALUE ? Long.MAX_VALUE : seconds, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemException("interrupted while waiting for the container to exit", e);
    } catch (ExecutionException e) {
      return true;
    }
  }

  void publish(ContainerRecord r, String action, Map<String, String> extra) {
    Map<String, String> attrs = new LinkedHashMap<>(r.config().labels());
    attrs.put("image", r.imageRef());
    attrs.put("name", r.name());
    attrs.putAll(extra);
    parts.events().publish(Event.local("container", action, r.id(), attrs));
  }
}
