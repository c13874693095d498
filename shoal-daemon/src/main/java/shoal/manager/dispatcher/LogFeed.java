package shoal.manager.dispatcher;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import shoal.proto.LogBatch;

/**
 * The receiving end of a log subscription: batches of lines as the nodes send them, a batch with
 * an error for each node that could not send (Docker's "incomplete log stream" warning), and a
 * last batch marked done. Bounded: a reader that falls behind holds the nodes' streams back.
 * Close it when done reading; that ends the subscription on every node.
 */
public final class LogFeed implements AutoCloseable {
  /** Batches waiting for the reader. */
  static final int CAPACITY = 256;

  private final BlockingQueue<LogBatch> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Runnable onClose;

  public LogFeed(Runnable onClose) {
    this.onClose = onClose;
  }

  /** The next batch, or null if none came within {@code timeout}. */
  public LogBatch poll(Duration timeout) throws InterruptedException {
    return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Hands a batch to the reader, waiting while the reader is behind; false once closed. */
  public boolean put(LogBatch b) {
    try {
      while (!closed.get()) {
        if (queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** The last batch: nothing follows it. */
  public void end() {
    put(LogBatch.newBuilder().setDone(true).build());
  }

  public boolean closed() {
    return closed.get();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      onClose.run();
    }
  }
}
