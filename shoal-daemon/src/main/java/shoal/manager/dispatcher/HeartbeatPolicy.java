package shoal.manager.dispatcher;

import java.time.Duration;

/**
 * When the dispatcher declares a node Down. The agent heartbeats every {@code period}; a node
 * whose session is open but silent is Down after {@value #MISSED_BEATS} periods; a node whose
 * session stream broke (its daemon died: the kernel closed the connection) is Down after one
 * period unless it opened a new session by then; a node that ended its session itself (leave,
 * shutdown) is Down at once.
 *
 * <p>Docker heartbeats every 5 s and waits 3 periods (Down 10–15 s after a crash). Shoal's default
 * period is 1 s: measured on a loaded 2-core machine running three daemons, the longest gap
 * between two heartbeats the dispatcher saw stayed far below the 3 s grace (see the swarm report).
 *
 * @param period how often agents heartbeat (the cluster's Dispatcher.HeartbeatPeriod)
 */
public record HeartbeatPolicy(Duration period) {
  /** Shoal's default heartbeat period (`swarm init` without --dispatcher-heartbeat). */
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(1);

  /** Silent periods after which a node with an open session is Down. */
  static final int MISSED_BEATS = 3;

  /** Periods shorter than this are raised to it (a heartbeat storm helps nobody). */
  public static final Duration MIN_PERIOD = Duration.ofMillis(100);

  public HeartbeatPolicy {
    period = period == null || period.compareTo(MIN_PERIOD) < 0 ? MIN_PERIOD : period;
  }

  /** How long a node with an open session may stay silent. */
  public Duration grace() {
    return period.multipliedBy(MISSED_BEATS);
  }

  /** How long a node whose session broke has to open a new one. */
  public Duration brokenGrace() {
    return period;
  }

  /** How often the dispatcher looks for nodes past their deadline. */
  Duration checkInterval() {
    return period.dividedBy(4);
  }
}
