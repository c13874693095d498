package shoal.cli.commands.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import shoal.cli.CliException;
import shoal.cli.api.EngineClient;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.json.Jv;
import shoal.cli.term.Signals;

/**
 * Waits for a service to converge, showing progress as {@code docker service create} does: every
 * 200 ms the service, its up-to-date tasks and the nodes are read; once every task runs, the
 * tasks must stay so for the update monitor period (5 s unless the spec's UpdateConfig sets
 * another, as docker) before "Service converged". A paused update or rollback is a failure;
 * Ctrl-C leaves the service converging in the background.
 */
final class Convergence {
  static final Duration POLL = Duration.ofMillis(200);
  static final Duration DEFAULT_MONITOR = Duration.ofSeconds(5);

  private final EngineClient api;
  private final String service;
  private final ProgressOutput out;

  /** @param service the service as the user named it (it appears in the final line) */
  Convergence(EngineClient api, String service, ProgressOutput out) {
    this.api = api;
    this.service = service;
    this.out = out;
  }

  /** Blocks until converged or interrupted. @throws CliException when the update or rollback paused */
  void await() {
    CountDownLatch interrupted = new CountDownLatch(1);
    try (Signals.Handler restore = Signals.onInterrupt(interrupted::countDown)) {
      run(interrupted);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run(CountDownLatch interrupted) throws InterruptedException {
    ConvergenceView view = null;
    boolean converged = false;
    Instant convergedAt = null;
    Duration monitor = DEFAULT_MONITOR;
    boolean rollback = false;
    String finalMessage = null;
    while (true) {
      Object svc = api.get("/services/" + Paths.seg(service), Query.of().add("insertDefaults", "false"));
      long monitorNs = Jv.lng(svc, "Spec", "UpdateConfig", "Monitor");
      if (Jv.get(svc, "Spec", "UpdateConfig") != null && monitorNs != 0) {
        monitor = Duration.ofNanos(monitorNs);
      }
      if (view == null) {
        view = ConvergenceView.of(svc, out);
      }
      String message = Jv.str(svc, "UpdateStatus", "Message");
      switch (Jv.str(svc, "UpdateStatus", "State")) {
        case "updating" -> rollback = false;
        case "completed" -> {
          if (!converged) {
            return;
          }
        }
        case "paused" -> throw new CliException("service update paused: " + message);
        case "rollback_started" -> {
          if (!rollback && !message.isEmpty()) {
            out.progress("rollback", message, 0, 0);
          }
          rollback = true;
        }
        case "rollback_paused" -> throw new CliException("service rollback paused: " + message);
        case "rollback_completed" -> {
          if (!converged) {
            finalMessage = message;
          }
          rollback = true;
        }
        default -> { }
      }
      if (converged && !Instant.now().isBefore(convergedAt.plus(monitor))) {
        out.progress("verify", "Service " + service + " converged", 0, 0);
        if (finalMessage != null) {
          out.message("rollback", finalMessage);
        }
        return;
      }
      String filters = new Filters().add("_up-to-date", "true").add("service", Jv.str(svc, "ID")).encode();
      List<Object> tasks = Jv.list(api.get("/tasks", Query.of().add("filters", filters)));
      converged = view.update(svc, tasks, activeNodes(), rollback);
      if (converged) {
        if (convergedAt == null) {
          convergedAt = Instant.now();
        }
        Duration wait = monitor.minus(Duration.between(convergedAt, Instant.now()));
        if (!wait.isNegative()) {
          out.progress("verify", "Waiting " + (wait.toSeconds() + 1) + " seconds to verify that tasks are stable...", 0, 0);
        }
      } else {
        if (convergedAt != null) {
          out.progress("verify", "Detected task failure", 0, 0);
        }
        convergedAt = null;
      }
      if (interrupted.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
        if (!converged) {
          out.message("", "Operation continuing in background.");
          out.message("", "Use `shoal service ps " + service + "` to check progress.");
        }
        return;
      }
    }
  }

  /** IDs of the nodes not down: a task on a down node does not count. */
  private Set<String> activeNodes() {
    Set<String> ids = new HashSet<>();
    for (Object n : Jv.list(api.get("/nodes", null))) {
      if (!Jv.str(n, "Status", "State").equals("down")) {
        ids.add(Jv.str(n, "ID"));
      }
    }
    return ids;
  }
}
