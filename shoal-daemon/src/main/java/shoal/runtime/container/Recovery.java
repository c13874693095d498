package shoal.runtime.container;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.runtime.rootfs.Mounts;

/** At daemon start: finds each container's run again, then lets restart policies start what they want. */
final class Recovery {
  private static final Logger log = LoggerFactory.getLogger(Recovery.class);

  private final Lifecycle lifecycle;
  private final RuntimePaths paths;
  private final RuntimeParts parts;

  Recovery(Lifecycle lifecycle, RuntimePaths paths, RuntimeParts parts) {
    this.lifecycle = lifecycle;
    this.paths = paths;
    this.parts = parts;
  }

  /**
   * At daemon start: a container that was running is attached again if its wrapper still lives
   * (whether or not it exited meanwhile); else it is recorded as exited with the status its
   * wrapper left, or 255 when nothing is left (the host rebooted).
   *
   * @return true when it was running at the crash and is not any more (the policy may apply)
   */
  boolean recover(Container c) {
    ContainerRecord r = c.record();
    ContainerStatus s = r.state().status();
    if (s == ContainerStatus.RESTARTING) {
      c.update(x -> x.withState(x.state().withStatus(ContainerStatus.EXITED)));
      return true;
    }
    if (!s.hasProcess()) {
      if (Mounts.isMounted(paths.merged(r.id())) || java.nio.file.Files.exists(c.runDir().dir())) {
        lifecycle.releaseRun(c);
      }
      return false;
    }
    try {
      var attached = ContainerProcess.reattach(r.id(), c.runDir(), r.config().tty(), Lifecycle.stdinMode(r.config()));
      if (attached.isPresent()) {
        ContainerProcess p = attached.get();
        c.hub().startRun();
        c.logFile().startRun();
        c.process(p);
        // Paused or not, as recorded: asking runc would cost a process per container at start.
        log.info("container {}: attached again to its running process (pid {})", r.shortId(), p.initPid());
        p.watch(c.hub(), c.logFile(), parts.clock(), code -> lifecycle.exited(c, code));
        return false;
      }
    } catch (IOException | RuntimeException e) {
      log.warn("container {}: cannot attach again: {}", r.shortId(), e.toString());
    }
    int code = c.runDir().readExit().orElse(255);
    try {
      parts.runc().delete(r.id(), true);
    } catch (RuntimeException e) {
      log.warn("container {}: runc delete: {}", r.shortId(), e.getMessage());
    }
    Wrapper.kill(c.runDir());
    lifecycle.releaseRun(c);
    Instant now = parts.clock().instant();
    c.update(x -> x.withState(x.state().exited(code, now)).withSandbox(Map.of(), List.of(), ""));
    log.info("container {}: exited with {} while the daemon was away", r.shortId(), code);
    return true;
  }

  /** After recovery: starts what the policy wants running. */
  void applyPolicyAfterRecovery(Container c, boolean diedMeanwhile) {
    ContainerRecord r = c.record();
    if (r.state().status() != ContainerStatus.EXITED && r.state().status() != ContainerStatus.CREATED) {
      return;
    }
    RestartPolicy policy = r.host().restartPolicy();
    boolean start = switch (policy.name()) {
      case "always" -> r.state().startedAt() != null;
      case "unless-stopped" -> r.state().startedAt() != null && !r.manuallyStopped();
      case "on-failure" -> diedMeanwhile && r.backoff().decide(policy, r.state().exitCode(), false,
          r.manuallyStopped(), Duration.ofDays(1)).restart();
      default -> false;
    };
    if (!start) {
      return;
    }
    c.operations.lock();
    try {
      if (c.process() == null && !c.removed().isDone()) {
        log.info("container {}: started by its restart policy {} after the daemon's restart", r.shortId(), policy.name());
        c.update(x -> x.withBackoff(x.backoff().decide(policy, x.state().exitCode(), false, x.manuallyStopped(),
            Duration.ofDays(1)).next()));
        lifecycle.launch(c);
      }
    } catch (RuntimeException e) {
      log.warn("container {}: start after the daemon's restart failed: {}", r.shortId(), e.getMessage());
    } finally {
      c.operations.unlock();
    }
  }

}
