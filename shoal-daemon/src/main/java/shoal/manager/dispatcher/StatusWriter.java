package shoal.manager.dispatcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.manager.store.Store;
import shoal.manager.store.StoreException;
import shoal.manager.store.objects.TaskObject;
import shoal.proto.TaskStatus;

/**
 * Writes the task statuses agents report into the store, on its own thread. Statuses that arrive
 * while a write is in flight wait for the next one and are merged per task (the latest state
 * wins), so a burst of hundreds of tasks starting costs a few Raft entries, not one per report.
 *
 * <p>A status is written only by the node the task is assigned to, and only when it moves the
 * task forward: a late or repeated report never takes a task back to an earlier state.
 */
final class StatusWriter {
  private static final Logger log = LoggerFactory.getLogger(StatusWriter.class);

  /** The most task statuses one store write carries. */
  static final int MAX_BATCH = 500;

  /** Pause before writing again after a failed write. */
  static final Duration RETRY = Duration.ofMillis(200);

  /** A reported status and the node that reported it. */
  record Report(String nodeId, TaskStatus status) {}

  private final Store store;
  // Guards pending and stopping; the writer thread waits on it.
  private final Object lock = new Object();
  private final Map<String, Report> pending = new LinkedHashMap<>();
  private boolean stopping;
  private final CountDownLatch exited = new CountDownLatch(1);

  StatusWriter(Store store) {
    this.store = store;
  }

  /** Queues what {@code nodeId} reported; any thread. */
  void offer(String nodeId, List<TaskStatus> statuses) {
    synchronized (lock) {
      for (TaskStatus s : statuses) {
        Report before = pending.get(s.getTaskId());
        if (before == null || before.status().getStateValue() <= s.getStateValue()) {
          pending.put(s.getTaskId(), new Report(nodeId, s));
        }
      }
      lock.notifyAll();
    }
  }

  /** Writes until {@link #stop()}. */
  void run() {
    try {
      while (true) {
        List<Report> batch = take();
        if (batch == null) {
          return;
        }
        try {
          write(store, batch);
        } catch (StoreException e) {
          log.warn("cannot record {} task statuses, retrying: {}", batch.size(), e.getMessage());
          requeue(batch);
          Thread.sleep(RETRY.toMillis());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exited.countDown();
    }
  }

  void stop() {
    synchronized (lock) {
      stopping = true;
      lock.notifyAll();
    }
    try {
      exited.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<Report> take() throws InterruptedException {
    synchronized (lock) {
      while (pending.isEmpty() && !stopping) {
        lock.wait();
      }
      if (stopping) {
        return null;
      }
      List<Report> batch = new ArrayList<>(Math.min(pending.size(), MAX_BATCH));
      Iterator<Report> it = pending.values().iterator();
      while (it.hasNext() && batch.size() < MAX_BATCH) {
        batch.add(it.next());
        it.remove();
      }
      return batch;
    }
  }

  /** Puts a batch that failed back, behind anything newer that came meanwhile. */
  private void requeue(List<Report> batch) {
    synchronized (lock) {
      for (Report r : batch) {
        pending.putIfAbsent(r.status().getTaskId(), r);
      }
    }
  }

  /**
   * Applies the reports in one store write; returns how many tasks it changed.
   *
   * @throws StoreException when the write fails
   */
  static int write(Store store, List<Report> batch) {
    return store.update(tx -> {
      int changed = 0;
      for (Report r : batch) {
        TaskObject t = tx.tasks().find(r.status().getTaskId()).orElse(null);
        if (t == null || !t.nodeId().equals(r.nodeId())) {
          continue;
        }
        TaskObject.Status next;
        try {
          next = TaskProtos.status(r.status(), t.status());
        } catch (IllegalArgumentException e) {
          log.warn("node {} reported task {} in {}", r.nodeId(), t.id(), e.getMessage());
          continue;
        }
        if (next.state().compareTo(t.status().state()) > 0) {
          tx.tasks().update(t.withStatus(next));
          changed++;
        }
      }
      return changed;
    });
  }
}
