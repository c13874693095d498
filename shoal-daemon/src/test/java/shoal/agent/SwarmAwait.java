package shoal.agent;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition in tests, bounded in time. */
public final class SwarmAwait {
  private SwarmAwait() {}

  public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      Thread.sleep(10);
    }
  }
}
