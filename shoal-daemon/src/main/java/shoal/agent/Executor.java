package shoal.agent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.ShoalException;
import shoal.proto.AssignedTask;
import shoal.proto.TaskAssignments;
import shoal.proto.TaskStatus;

/**
 * Runs the tasks the dispatcher assigns to this node, one {@link TaskRunner} each, and keeps
 * what they report for the session to send ({@link StatusOutbox}).
 *
 * <p>A full set of assignments (every new session) is a reconciliation: tasks the node runs that
 * it does not name are stopped and removed, and so are containers of tasks the node does not
 * know (what a daemon restart or a long disconnection left behind); containers of named tasks
 * are taken over, never started twice. Until the first full set after the daemon starts, the
 * executor touches nothing: without it, it cannot tell a task's container from an orphan.
 */
public final class Executor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Executor.class);

  private final TaskRuntime runtime;
  private final StatusOutbox outbox;
  private final Clock clock;
  // Guards runners and closed. The lock is never held while calling the runtime.
  private final Object lock = new Object();
  private final Map<String, TaskRunner> runners = new HashMap<>();
  private boolean closed;

  public Executor(TaskRuntime runtime, StatusOutbox outbox, Clock clock) {
    this.runtime = runtime;
    this.outbox = outbox;
    this.clock = clock;
  }

  public StatusOutbox outbox() {
    return outbox;
  }

  /** Follows a message of the session: a full set (reconciles) or changes. */
  public void assign(TaskAssignments a) {
    if (a.getFull()) {
      reconcile(a.getTasksList());
      return;
    }
    synchronized (lock) {
      if (closed) {
        return;
      }
      for (String id : a.getRemovedList()) {
        TaskRunner r = runners.get(id);
        if (r != null) {
          r.remove();
        }
      }
      for (AssignedTask t : a.getTasksList()) {
        Assignment next = Assignment.of(t);
        TaskRunner r = runners.get(next.taskId());
        if (r != null) {
          r.update(next);
        } else {
          startRunner(next, null);
        }
      }
    }
  }

  private void reconcile(List<AssignedTask> tasks) {
    Map<String, Assignment> wanted = tasks.stream().map(Assignment::of)
        .collect(Collectors.toMap(Assignment::taskId, Function.identity(), (x, y) -> y));
    List<TaskRuntime.TaskContainer> local;
    try {
      local = runtime.taskContainers();
    } catch (ShoalException | IllegalStateException e) {
      log.warn("cannot list the task containers, reconciling with the runners only: {}", e.getMessage());
      local = List.of();
    }
    Map<String, TaskRuntime.TaskContainer> byTask = new HashMap<>();
    List<TaskRuntime.TaskContainer> orphans = new ArrayList<>();
    synchronized (lock) {
      if (closed) {
        return;
      }
      for (TaskRuntime.TaskContainer c : local) {
        if (wanted.containsKey(c.taskId()) && !byTask.containsKey(c.taskId())) {
          byTask.put(c.taskId(), c);
        } else if (!runners.containsKey(c.taskId())) {
          orphans.add(c);
        }
      }
      for (TaskRunner r : runners.values()) {
        if (!wanted.containsKey(r.taskId())) {
          r.remove();
        }
      }
      for (Assignment a : wanted.values()) {
        TaskRunner r = runners.get(a.taskId());
        if (r != null) {
          r.update(a);
        } else {
          startRunner(a, byTask.get(a.taskId()));
        }
      }
    }
    log.info("assignments: {} tasks, {} containers found, {} orphans to remove", wanted.size(), local.size(), orphans.size());
    for (TaskRuntime.TaskContainer c : orphans) {
      Thread.ofVirtual().name("orphan-" + c.id().substring(0, 12)).start(() -> removeOrphan(c));
    }
  }

  private void removeOrphan(TaskRuntime.TaskContainer c) {
    try {
      runtime.stop(c.id(), null);
      runtime.remove(c.id());
      log.info("container {} of task {} removed: the task is no longer this node's", c.id().substring(0, 12), c.taskId());
    } catch (ShoalException | IllegalStateException e) {
      log.warn("cannot remove container {} of task {}: {}", c.id().substring(0, 12), c.taskId(), e.getMessage());
    }
  }

  private void startRunner(Assignment a, TaskRuntime.TaskContainer found) {
    TaskRunner[] self = new TaskRunner[1];
    TaskRunner r = new TaskRunner(a, found, runtime, outbox::put, () -> ended(self[0]), clock);
    self[0] = r;
    runners.put(a.taskId(), r);
    r.start();
  }

  private void ended(TaskRunner r) {
    synchronized (lock) {
      runners.remove(r.taskId(), r);
    }
    outbox.forget(r.taskId());
  }

  /** The statuses of every task the node runs, to send in full on a new session. */
  public List<TaskStatus> statuses() {
    return outbox.all();
  }

  /** Stops the runners and leaves the containers as they are (they are found again at the next start). */
  @Override
  public void close() {
    List<TaskRunner> all;
    synchronized (lock) {
      closed = true;
      all = new ArrayList<>(runners.values());
      runners.clear();
    }
    all.forEach(TaskRunner::abandon);
  }
}
