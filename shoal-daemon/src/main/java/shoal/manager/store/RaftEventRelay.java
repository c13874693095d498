package shoal.manager.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.ratis.protocol.RaftPeerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Ratis' leadership and membership callbacks (on Ratis' threads, which must not block) into
 * {@link StoreListener} calls on one event thread, in order.
 */
final class RaftEventRelay implements StoreStateMachine.RaftEvents, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RaftEventRelay.class);

  /** How long closing the store waits for listeners to take in that it stopped. */
  private static final Duration LISTENERS_DRAIN = Duration.ofSeconds(5);

  private final String selfId;
  private volatile Thread eventThread;
  private final ExecutorService thread;
  private final CopyOnWriteArrayList<StoreListener> listeners = new CopyOnWriteArrayList<>();
  private final Supplier<List<ManagerInfo>> managers;
  // Guarded by this (the relay's only lock; never held while calling a listener): the latest
  // leader, whether this manager (as leader) is ready, and what listeners were last told.
  private String leaderId;
  private boolean ready;
  private Leadership current = Leadership.NONE;

  RaftEventRelay(String selfId, Supplier<List<ManagerInfo>> managers) {
    this.selfId = selfId;
    this.managers = managers;
    this.thread = Executors.newSingleThreadExecutor(r -> {
      eventThread = Thread.ofPlatform().name("store-events-" + selfId).daemon().unstarted(r);
      return eventThread;
    });
  }

  @Override
  public synchronized void leaderChanged(RaftPeerId id) {
    leaderId = id == null ? null : id.toString();
    ready = false;
    publish();
  }

  @Override
  public synchronized void leaderReady() {
    ready = true;
    publish();
  }

  @Override
  public void membersChanged() {
    run(() -> {
      List<ManagerInfo> now = managers.get();
      listeners.forEach(l -> l.managersChanged(now));
    });
  }

  synchronized Leadership current() {
    return current;
  }

  /** Waits until some manager leads; returns who, or the leaderless state after the timeout. */
  synchronized Leadership awaitLeader(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!current.hasLeader()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return current;
  }

  synchronized void add(StoreListener l) {
    listeners.add(l);
    Leadership now = current;
    run(() -> l.leadershipChanged(now));
  }

  void remove(StoreListener l) {
    listeners.remove(l);
  }

  private void publish() {
    Leadership next = new Leadership(leaderId, ready && selfId.equals(leaderId));
    if (next.equals(current)) {
      return;
    }
    current = next;
    notifyAll();
    LOG.info("store {}: leader {}{}", selfId, next.hasLeader() ? next.leaderId() : "(none)",
        next.self() ? " (this manager, ready)" : "");
    run(() -> listeners.forEach(l -> l.leadershipChanged(next)));
  }

  private void run(Runnable r) {
    try {
      thread.execute(() -> {
        try {
          r.run();
        } catch (RuntimeException e) {
          LOG.warn("store {}: a listener failed", selfId, e);
        }
      });
    } catch (RejectedExecutionException closed) {
      // The store closed; listeners were told it has no leader any more.
    }
  }

  /**
   * Tells listeners this manager no longer sees a leader (it stops) and waits (bounded) until they
   * were told, unless called from a listener.
   */
  @Override
  public void close() {
    synchronized (this) {
      leaderId = null;
      ready = false;
      publish();
    }
    thread.shutdown();
    if (Thread.currentThread() != eventThread) {
      try {
        if (!thread.awaitTermination(LISTENERS_DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
          LOG.warn("store {}: listeners still busy {} after the store closed", selfId,
              LISTENERS_DRAIN);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
