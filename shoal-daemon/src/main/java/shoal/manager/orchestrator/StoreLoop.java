package shoal.manager.orchestrator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.manager.store.Store;
import shoal.manager.store.StoreEvent;
import shoal.manager.store.StoreException;
import shoal.manager.store.Watch;
import shoal.manager.store.WatchClosedException;

/**
 * The lifecycle every manager loop of services shares: watch the store, let each event only mark
 * the loop dirty, and run the loop's reconcile once the batches stop coming (debounced on commits),
 * or when the reconcile asked to be woken (a restart delay, an update's delay or monitor window).
 * A reconcile reads the whole state it needs, so nothing is lost when events are coalesced.
 *
 * <p>{@link #run} runs on the caller's thread until {@link #stop}; stop is idempotent and waits.
 */
public final class StoreLoop {
  /** How long after a commit the loop waits for more before it works. */
  public static final Duration COMMIT_DEBOUNCE = Duration.ofMillis(50);

  /** The longest the loop lets work wait while commits keep coming. */
  public static final Duration MAX_DEBOUNCE = Duration.ofSeconds(1);

  /** How soon a reconcile that failed (no quorum, clashing writes) is tried again. */
  static final Duration RETRY = Duration.ofMillis(500);

  /** How often an idle loop looks at its stop flag. */
  private static final Duration POLL = Duration.ofMillis(250);

  /** How long {@link #stop} waits for the loop to exit. */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(StoreLoop.class);

  /** A loop's work: bring the store closer to what it should be. */
  @FunctionalInterface
  public interface Reconciler {
    /**
     * Reads the state and writes what it decided (store exceptions are retried by the loop).
     *
     * @return when to run again even if nothing changes, or null
     */
    Instant reconcile(Instant now);
  }

  private final String name;
  private final Store store;
  private final Predicate<StoreEvent> filter;
  private final Reconciler reconciler;
  private final CountDownLatch exited = new CountDownLatch(1);
  private volatile boolean stopping;
  private volatile Thread thread;
  // Set by the loop thread; closed by stop() to wake the loop at once.
  private volatile Watch watch;

  /** @param filter the object events that make the loop dirty */
  public StoreLoop(String name, Store store, Predicate<StoreEvent> filter, Reconciler reconciler) {
    this.name = name;
    this.store = store;
    this.filter = filter;
    this.reconciler = reconciler;
  }

  public void run() throws InterruptedException {
    thread = Thread.currentThread();
    try {
      while (!stopping) {
        try (Watch w = store.watch(filter)) {
          watch = w;
          if (!stopping) {
            follow(w);
          }
        } catch (WatchClosedException e) {
          if (!stopping) {
            log.warn("{}: {}; reading the state again", name, e.getMessage());
          }
        }
      }
    } finally {
      exited.countDown();
    }
  }

  /** Idempotent; waits until {@link #run} returned. */
  public void stop() {
    stopping = true;
    Watch w = watch;
    if (w != null) {
      w.close();
    }
    Thread t = thread;
    try {
      if (t != null && t != Thread.currentThread()
          && !exited.await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("{} did not stop within {}", name, STOP_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void follow(Watch watch) throws InterruptedException {
    // Times in System.nanoTime(); "due" is when work runs, Long.MAX_VALUE for never.
    long due = System.nanoTime();
    long wake = Long.MAX_VALUE;
    long firstEvent = Long.MAX_VALUE;
    boolean unseen = false;
    while (!stopping) {
      long now = System.nanoTime();
      if (now - due >= 0 || now - wake >= 0) {
        due = Long.MAX_VALUE;
        firstEvent = Long.MAX_VALUE;
        wake = work(now);
        continue;
      }
      long until = Math.min(Math.min(due - now, wake - now), POLL.toNanos());
      StoreEvent e = watch.poll(Duration.ofNanos(Math.max(until, 0)));
      if (e instanceof StoreEvent.ObjectEvent) {
        unseen = true;
        firstEvent = Math.min(firstEvent, System.nanoTime());
      } else if (e instanceof StoreEvent.Commit && unseen) {
        unseen = false;
        long debounced = System.nanoTime() + COMMIT_DEBOUNCE.toNanos();
        due = Math.min(debounced, firstEvent + MAX_DEBOUNCE.toNanos());
      }
    }
  }

  /** Runs one reconcile; returns the nanoTime to wake at. */
  private long work(long now) {
    try {
      Instant next = reconciler.reconcile(Instant.now());
      if (next == null) {
        return Long.MAX_VALUE;
      }
      long in = Duration.between(Instant.now(), next).toNanos();
      return System.nanoTime() + Math.max(in, 0);
    } catch (StoreException e) {
      log.warn("{}: {}; trying again in {} ms", name, e.getMessage(), RETRY.toMillis());
    } catch (RuntimeException e) {
      log.error("{} failed; trying again in {} ms", name, RETRY.toMillis(), e);
    }
    return now + RETRY.toNanos();
  }
}
