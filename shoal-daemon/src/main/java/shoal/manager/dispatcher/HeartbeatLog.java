package shoal.manager.dispatcher;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures that tell whether the heartbeat period fits the machine: each late heartbeat (more
 * than {@value #LATE_PERIODS} periods after the previous one) and, once a minute, how many came
 * and the longest gap between two of one node. A gap near the grace would mean false Downs.
 */
final class HeartbeatLog {
  private static final Logger log = LoggerFactory.getLogger(HeartbeatLog.class);

  static final double LATE_PERIODS = 1.5;

  static final Duration REPORT_EVERY = Duration.ofMinutes(1);

  // Beats are recorded on gRPC threads: one atomic per figure.
  private final LongAdder beats = new LongAdder();
  private final AtomicLong longestGap = new AtomicLong();
  private final AtomicLong windowStart = new AtomicLong(System.nanoTime());

  /** A heartbeat from {@code nodeId}, {@code gapNanos} after its previous one (0: its first). */
  void beat(String nodeId, long gapNanos, HeartbeatPolicy policy) {
    beats.increment();
    longestGap.accumulateAndGet(gapNanos, Math::max);
    if (gapNanos > policy.period().toNanos() * LATE_PERIODS) {
      log.info("late heartbeat from node {}: {} ms after the previous one (period {} ms, Down after {} ms)",
          nodeId, gapNanos / 1_000_000, policy.period().toMillis(), policy.grace().toMillis());
    }
  }

  /** Logs the minute's figures once a minute has passed (called from the dispatcher's loop). */
  void report(long now, int sessions, HeartbeatPolicy policy) {
    long start = windowStart.get();
    if (now - start < REPORT_EVERY.toNanos() || !windowStart.compareAndSet(start, now)) {
      return;
    }
    log.info("heartbeats in the last {} s: {} from {} sessions, longest gap {} ms (period {} ms, Down after {} ms)",
        (now - start) / 1_000_000_000, beats.sumThenReset(), sessions, longestGap.getAndSet(0) / 1_000_000,
        policy.period().toMillis(), policy.grace().toMillis());
  }
}
