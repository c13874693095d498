package shoal.runtime.logs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The live output of a container for attached clients, as raw chunks the moment they are read (a
 * shell prompt has no newline). A subscription made while the container is stopped waits for its
 * next run; every subscription ends with the run it belongs to.
 */
public final class OutputHub {
  /** A chunk of output; {@code stream} is 1 (stdout) or 2 (stderr). */
  public record Chunk(int stream, byte[] bytes) {}

  private static final Chunk END = new Chunk(-1, new byte[0]);
  private static final int BACKLOG = 4096;
  private static final long SLOW_CLIENT_WAIT_MS = 1000;

  private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
  // Guarded by this: the number of the current (or last) run and whether it is live.
  private long run;
  private boolean live;

  public synchronized void startRun() {
    run++;
    live = true;
  }

  /** The run's output is complete: its subscriptions end after what they have queued. */
  public void endRun() {
    long ended;
    synchronized (this) {
      live = false;
      ended = run;
    }
    for (Subscription s : subscribers) {
      if (s.run <= ended) {
        s.finish();
      }
    }
  }

  /**
   * Hands a chunk to every subscriber. A client that does not keep up holds the container's output
   * back for at most a second, then misses the chunk (it still lands in the log file).
   */
  public void publish(int stream, byte[] bytes, int off, int len) {
    if (subscribers.isEmpty() || len == 0) {
      return;
    }
    Chunk c = new Chunk(stream, java.util.Arrays.copyOfRange(bytes, off, off + len));
    for (Subscription s : subscribers) {
      s.offer(c);
    }
  }

  public synchronized Subscription subscribe() {
    Subscription s = new Subscription(live ? run : run + 1);
    subscribers.add(s);
    return s;
  }

  public int subscriberCount() {
    return subscribers.size();
  }

  /** One attached client's view of the output. */
  public final class Subscription implements AutoCloseable {
    private final long run;
    private final LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>(BACKLOG);
    private volatile boolean ended;

    private Subscription(long run) {
      this.run = run;
    }

    private void offer(Chunk c) {
      try {
        queue.offer(c, SLOW_CLIENT_WAIT_MS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void finish() {
      ended = true;
      subscribers.remove(this);
      while (!queue.offer(END)) {
        queue.poll();
      }
    }

    /**
     * The next chunk; null when the run ended (and everything was taken) or nothing came within
     * {@code timeoutMs} — {@link #ended()} tells which.
     */
    public Chunk next(long timeoutMs) throws InterruptedException {
      Chunk c = queue.poll(timeoutMs, TimeUnit.MILLISECONDS);
      if (c == END) {
        queue.offer(END);
        return null;
      }
      return c;
    }

    public boolean ended() {
      return ended && (queue.isEmpty() || queue.peek() == END);
    }

    @Override
    public void close() {
      subscribers.remove(this);
    }
  }
}
