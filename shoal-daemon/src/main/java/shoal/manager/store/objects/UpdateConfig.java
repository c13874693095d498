package shoal.manager.store.objects;

import java.time.Duration;

/**
 * How the updater replaces out-of-date tasks: a service's {@code UpdateConfig} for an update, its
 * {@code RollbackConfig} for a rollback (same shape, as in Docker). Durations are nanoseconds at
 * the Engine API.
 *
 * @param parallelism how many tasks are replaced at once; 0 for all at once
 * @param delay the pause after each batch before the next starts
 * @param failureAction what the updater does when too many new tasks fail (a rollback cannot
 *     itself roll back: there ROLLBACK acts as PAUSE)
 * @param monitor how long after a new task runs it is watched; a new task that fails within it
 *     counts as a failure of the update. Docker's default 5 s
 * @param maxFailureRatio the share of updated tasks that may fail before {@code failureAction}
 *     applies (0: the first failure)
 * @param order whether the old task stops before its replacement starts, or after it runs
 */
public record UpdateConfig(
    long parallelism, Duration delay, FailureAction failureAction, Duration monitor,
    double maxFailureRatio, Order order) {
  public static final Duration DEFAULT_MONITOR = Duration.ofSeconds(5);

  public enum FailureAction { PAUSE, CONTINUE, ROLLBACK }

  public enum Order {
    /** Stop the old task, then start its replacement (never more tasks than slots). */
    STOP_FIRST,
    /** Start the replacement; stop the old task once the new one runs (briefly, both run). */
    START_FIRST
  }

  public UpdateConfig {
    delay = delay == null ? Duration.ZERO : delay;
    failureAction = failureAction == null ? FailureAction.PAUSE : failureAction;
    monitor = monitor == null ? DEFAULT_MONITOR : monitor;
    order = order == null ? Order.STOP_FIRST : order;
    if (parallelism < 0 || delay.isNegative() || monitor.isNegative()
        || !(maxFailureRatio >= 0 && maxFailureRatio <= 1)) {
      throw new IllegalArgumentException(
          "update parallelism, delay and monitor must not be negative, the failure ratio 0..1");
    }
  }

  /** Docker's defaults: one task at a time, no delay, pause on failure, 5 s monitor, stop-first. */
  public static UpdateConfig defaults() {
    return new UpdateConfig(1, null, null, null, 0, null);
  }

  public UpdateConfig withParallelism(long parallelism) {
    return new UpdateConfig(parallelism, delay, failureAction, monitor, maxFailureRatio, order);
  }

  public UpdateConfig withDelay(Duration delay) {
    return new UpdateConfig(parallelism, delay, failureAction, monitor, maxFailureRatio, order);
  }

  public UpdateConfig withFailureAction(FailureAction failureAction) {
    return new UpdateConfig(parallelism, delay, failureAction, monitor, maxFailureRatio, order);
  }

  public UpdateConfig withMonitor(Duration monitor) {
    return new UpdateConfig(parallelism, delay, failureAction, monitor, maxFailureRatio, order);
  }

  public UpdateConfig withMaxFailureRatio(double maxFailureRatio) {
    return new UpdateConfig(parallelism, delay, failureAction, monitor, maxFailureRatio, order);
  }

  public UpdateConfig withOrder(Order order) {
    return new UpdateConfig(parallelism, delay, failureAction, monitor, maxFailureRatio, order);
  }
}
