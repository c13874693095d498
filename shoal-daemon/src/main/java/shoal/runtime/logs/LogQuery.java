package shoal.runtime.logs;

import java.time.Instant;

/**
 * What {@code docker logs} asks for.
 *
 * @param since only entries at or after this time (null: from the start)
 * @param until only entries before this time (null: no bound)
 * @param tail the last this many entries, or -1 for all
 * @param follow keep streaming new entries while the container runs
 */
public record LogQuery(Instant since, Instant until, int tail, boolean follow) {
  public static LogQuery all() {
    return new LogQuery(null, null, -1, false);
  }

  boolean accepts(LogEntry e) {
    return (since == null || !e.time().isBefore(since)) && (until == null || e.time().isBefore(until));
  }
}
