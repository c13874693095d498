package shoal.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import shoal.common.CommandResult;
import shoal.lab.LabHost;

/** What the lab benchmarks do between measurements: docker CLI calls on a host, waits, timings. */
final class LabSteps {
  /** Bound of one docker CLI call. */
  static final Duration CLI = Duration.ofSeconds(60);
  private static final Duration SETTLE = Duration.ofSeconds(60);

  private LabSteps() {}

  /** A timed step. */
  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  /** The docker CLI on {@code h}, against its daemon. */
  static CommandResult docker(LabHost h, String... args) {
    return h.daemon().docker(CLI, args);
  }

  /** The docker CLI on {@code h}; its output, or a failure with its words. */
  static String ok(LabHost h, String... args) {
    return check(docker(h, args)).stdout();
  }

  static CommandResult check(CommandResult r) {
    if (!r.ok()) {
      throw new IllegalStateException(r.failure());
    }
    return r;
  }

  /** Seconds the step took. */
  static double time(Step s) throws Exception {
    long t0 = System.nanoTime();
    s.run();
    return since(t0);
  }

  /** Seconds since {@code t0} (a {@link System#nanoTime}). */
  static double since(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Polls every 10 ms until the condition holds; fails after a minute. */
  static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the swarm did not settle within " + SETTLE.toSeconds() + " s");
      }
      sleep(10);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
