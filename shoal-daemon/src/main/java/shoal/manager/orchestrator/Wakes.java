package shoal.manager.orchestrator;

import java.time.Instant;

/** Combining the times loops ask to be woken at (null: no wish). */
final class Wakes {
  private Wakes() {}

  static Instant earliest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }
}
