package shoal.manager.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A stream of store events in apply order, from a {@code Store.watch} or {@code
 * Store.viewAndWatch}. One consumer thread; close it when done.
 */
public final class Watch implements AutoCloseable {
  /** How far a consumer may fall behind before its watch is closed (it must re-read then). */
  static final int QUEUE_LIMIT = 100_000;

  /** Wakes a blocked consumer once the watch closed; never handed out. */
  private static final StoreEvent CLOSED = new StoreEvent.Commit(-1);

  private final Predicate<StoreEvent> filter;
  private final Runnable onClose;
  // The queue is the only channel between the apply thread and the consumer.
  private final LinkedBlockingQueue<StoreEvent> queue = new LinkedBlockingQueue<>();
  private final AtomicReference<String> closedBecause = new AtomicReference<>();

  Watch(Predicate<StoreEvent> filter, Runnable onClose) {
    this.filter = filter;
    this.onClose = onClose;
  }

  /**
   * The next event, waiting as long as needed.
   *
   * @throws WatchClosedException once the watch is closed and drained
   */
  public StoreEvent take() throws InterruptedException {
    return unlessClosed(queue.take());
  }

  /**
   * The next event, or null if none came within the timeout.
   *
   * @throws WatchClosedException once the watch is closed and drained
   */
  public StoreEvent poll(Duration timeout) throws InterruptedException {
    StoreEvent e = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    return e == null ? null : unlessClosed(e);
  }

  @Override
  public void close() {
    end("the watch was closed");
  }

  private StoreEvent unlessClosed(StoreEvent e) {
    if (e == CLOSED) {
      queue.offer(CLOSED); // later calls fail too
      throw new WatchClosedException(closedBecause.get());
    }
    return e;
  }

  void end(String reason) {
    if (closedBecause.compareAndSet(null, reason)) {
      queue.offer(CLOSED);
      onClose.run();
    }
  }

  /** Called on the apply thread with one batch's events (its commit last). */
  void offer(List<StoreEvent> batch) {
    if (closedBecause.get() != null) {
      return;
    }
    boolean any = false;
    for (StoreEvent e : batch) {
      if (e instanceof StoreEvent.Commit) {
        if (any) {
          queue.offer(e);
        }
      } else if (filter.test(e)) {
        queue.offer(e);
        any = true;
      }
    }
    if (queue.size() > QUEUE_LIMIT) {
      queue.clear();
      end("the watch fell more than " + QUEUE_LIMIT + " events behind");
    }
  }
}
