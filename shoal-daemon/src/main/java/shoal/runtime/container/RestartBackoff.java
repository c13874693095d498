package shoal.runtime.container;

import java.time.Duration;

/**
 * Whether and when a container that exited starts again, as Docker decides it: the delay starts at
 * 100 ms and doubles with every restart up to a minute, and starts over once a run lasted 10 s.
 * Immutable: each decision returns the tracker to keep.
 *
 * @param delay the delay used for the last restart (zero before the first)
 * @param restarts how many times the policy restarted the container since it was started by hand
 */
public record RestartBackoff(Duration delay, int restarts) {
  static final Duration FIRST_DELAY = Duration.ofMillis(100);
  static final Duration MAX_DELAY = Duration.ofMinutes(1);
  static final Duration RESET_AFTER = Duration.ofSeconds(10);

  public static RestartBackoff initial() {
    return new RestartBackoff(Duration.ZERO, 0);
  }

  /** The outcome: restart after {@code delay}, or not; {@code next} is the tracker to keep. */
  public record Decision(boolean restart, Duration delay, RestartBackoff next) {}

  /**
   * @param exitRequested the exit was asked for ({@code docker stop}, or kill with the stop signal):
   *     no policy restarts it
   * @param manuallyStopped a user stopped or killed it: {@code unless-stopped} does not restart it
   */
  public Decision decide(
      RestartPolicy policy, int exitCode, boolean exitRequested, boolean manuallyStopped, Duration ranFor) {
    Duration d = ranFor.compareTo(RESET_AFTER) >= 0 ? Duration.ZERO : delay;
    d = d.isZero() ? FIRST_DELAY : d.multipliedBy(2);
    if (d.compareTo(MAX_DELAY) > 0) {
      d = MAX_DELAY;
    }
    boolean restart =
        !exitRequested
            && switch (policy.name()) {
              case "always" -> true;
              case "unless-stopped" -> !manuallyStopped;
              case "on-failure" ->
                  exitCode != 0 && (policy.maximumRetryCount() == 0 || restarts < policy.maximumRetryCount());
              default -> false;
            };
    if (!restart) {
      return new Decision(false, Duration.ZERO, new RestartBackoff(d, restarts));
    }
    return new Decision(true, d, new RestartBackoff(d, restarts + 1));
  }
}
