package shoal.manager.store;

import java.time.Duration;

/** The index of the last log entry this manager applied, which readers may wait for. */
final class AppliedIndex {
  private long index; // guarded by this

  synchronized void advance(long applied) {
    if (applied > index) {
      index = applied;
      notifyAll();
    }
  }

  synchronized long get() {
    return index;
  }

  /** Waits until at least {@code wanted} is applied; false if that did not happen in time. */
  synchronized boolean awaitAtLeast(long wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (index < wanted) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
