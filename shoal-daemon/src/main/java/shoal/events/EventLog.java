package shoal.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;

/**
 * The daemon's recent events and its live subscribers. Like Docker, it keeps the last
 * {@link #RETAINED} events so that {@code --since} can replay them.
 */
public final class EventLog {
  static final int RETAINED = 256;
  private static final int SUBSCRIBER_BACKLOG = 4096;

  // Guarded by itself: the most recent events, oldest first.
  private final ArrayDeque<Event> recent = new ArrayDeque<>();
  private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();

  public void publish(Event e) {
    synchronized (recent) {
      recent.addLast(e);
      if (recent.size() > RETAINED) {
        recent.removeFirst();
      }
      for (Subscription s : subscribers) {
        s.offer(e);
      }
    }
  }

  /**
   * Subscribes to events matching {@code filter}; the subscription first holds the retained events
   * at or after {@code sinceNano} (negative for none), then every new one. Close it when done.
   */
  public Subscription subscribe(Predicate<Event> filter, long sinceNano) {
    Subscription s = new Subscription(filter);
    synchronized (recent) {
      if (sinceNano >= 0) {
        for (Event e : recent) {
          if (e.timeNano() >= sinceNano) {
            s.offer(e);
          }
        }
      }
      subscribers.add(s);
    }
    return s;
  }

  public int subscriberCount() {
    return subscribers.size();
  }

  /** Events at or after {@code sinceNano} and before {@code untilNano} that are still retained. */
  public List<Event> between(long sinceNano, long untilNano, Predicate<Event> filter) {
    synchronized (recent) {
      List<Event> out = new ArrayList<>();
      for (Event e : recent) {
        if (e.timeNano() >= sinceNano && e.timeNano() < untilNano && filter.test(e)) {
          out.add(e);
        }
      }
      return out;
    }
  }

  /** A live feed of events. A subscriber that falls {@value #SUBSCRIBER_BACKLOG} behind loses the oldest. */
  public final class Subscription implements AutoCloseable {
    private final Predicate<Event> filter;
    private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>(SUBSCRIBER_BACKLOG);

    private Subscription(Predicate<Event> filter) {
      this.filter = filter;
    }

    private void offer(Event e) {
      if (!filter.test(e)) {
        return;
      }
      while (!queue.offer(e)) {
        queue.poll();
      }
    }

    /** The next event, or null if none came within {@code timeoutMs}. */
    public Event next(long timeoutMs) throws InterruptedException {
      return queue.poll(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
      subscribers.remove(this);
    }
  }
}
