package shoal.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shoal.proto.TaskStatus;

/**
 * The task statuses the session is to send: the latest of each task (a task that moved through
 * several states since the last send is sent once, in its latest), and all of them again when a
 * new session opens, since a session that broke may have lost some.
 */
public final class StatusOutbox {
  // Guards latest, unsent and wake.
  private final Object lock = new Object();
  private final Map<String, TaskStatus> latest = new LinkedHashMap<>();
  private final Set<String> unsent = new LinkedHashSet<>();
  private Runnable wake = () -> { };

  /** Who to tell when something is to send (the session's thread). */
  public void onPut(Runnable wake) {
    synchronized (lock) {
      this.wake = wake;
    }
  }

  void put(TaskStatus s) {
    Runnable w;
    synchronized (lock) {
      latest.put(s.getTaskId(), s);
      unsent.add(s.getTaskId());
      w = wake;
    }
    w.run();
  }

  /** The task ended here (removed): nothing more to say of it. */
  void forget(String taskId) {
    synchronized (lock) {
      latest.remove(taskId);
      unsent.remove(taskId);
    }
  }

  /** What changed since the last call. */
  public List<TaskStatus> drain() {
    synchronized (lock) {
      List<TaskStatus> out = new ArrayList<>(unsent.size());
      for (String id : unsent) {
        TaskStatus s = latest.get(id);
        if (s != null) {
          out.add(s);
        }
      }
      unsent.clear();
      return out;
    }
  }

  /** The latest status of every task, all marked sent. */
  public List<TaskStatus> all() {
    synchronized (lock) {
      unsent.clear();
      return new ArrayList<>(latest.values());
    }
  }
}
