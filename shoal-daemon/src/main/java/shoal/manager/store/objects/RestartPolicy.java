package shoal.manager.store.objects;

import java.time.Duration;

/**
 * When the orchestrator replaces a task that ended (`--restart-condition/-delay/-max-attempts/
 * -window`). The replacement keeps the slot (or the node, for a global service). Durations are
 * nanoseconds at the Engine API.
 *
 * @param condition which endings are replaced
 * @param delay how long the replacement waits before it starts (it is placed at once, with desired
 *     state READY, and told to run when the delay is over); Docker's default 5 s
 * @param maxAttempts how many replacements a slot gets within {@code window}; 0 for no limit
 * @param window the span {@code maxAttempts} is counted over; zero for "ever" (since the leader
 *     started: like swarmkit, the count lives in the leader's memory)
 */
public record RestartPolicy(Condition condition, Duration delay, long maxAttempts, Duration window) {
  public static final Duration DEFAULT_DELAY = Duration.ofSeconds(5);

  public enum Condition {
    /** Never replace a task that ended. */
    NONE,
    /** Replace a task that failed or was rejected, not one that completed (exit code 0). */
    ON_FAILURE,
    /** Replace a task however it ended. */
    ANY
  }

  public RestartPolicy {
    condition = condition == null ? Condition.ANY : condition;
    delay = delay == null ? DEFAULT_DELAY : delay;
    window = window == null ? Duration.ZERO : window;
    if (maxAttempts < 0 || delay.isNegative() || window.isNegative()) {
      throw new IllegalArgumentException("restart delay, window and attempts must not be negative");
    }
  }

  /** Docker's defaults: any ending, 5 s delay, no limit. */
  public static RestartPolicy defaults() {
    return new RestartPolicy(null, null, 0, null);
  }

  public RestartPolicy withCondition(Condition condition) {
    return new RestartPolicy(condition, delay, maxAttempts, window);
  }

  public RestartPolicy withDelay(Duration delay) {
    return new RestartPolicy(condition, delay, maxAttempts, window);
  }

  public RestartPolicy withMaxAttempts(long maxAttempts) {
    return new RestartPolicy(condition, delay, maxAttempts, window);
  }

  public RestartPolicy withWindow(Duration window) {
    return new RestartPolicy(condition, delay, maxAttempts, window);
  }
}
