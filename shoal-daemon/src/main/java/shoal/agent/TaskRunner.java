package shoal.agent;

import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.ShoalException;
import shoal.manager.dispatcher.TaskProtos;
import shoal.manager.store.objects.TaskObject.TaskState;
import shoal.proto.TaskStatus;

/**
 * Runs one task on its own (virtual) thread, one step at a time as swarmkit's task controller
 * does: accepted, preparing (the container is made), ready, starting, running, then complete,
 * failed or shutdown. Between steps it looks at what the manager wants now, so a shutdown or a
 * removal stops it wherever it is. Every state it reaches is reported, never an earlier one than
 * the manager has recorded.
 */
final class TaskRunner {
  private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

  /** Docker's error for a container that exited with a non-zero code. */
  static String exitError(int code) {
    return "task: non-zero exit (" + code + ")";
  }

  private final String taskId;
  private final TaskRuntime runtime;
  private final Consumer<TaskStatus> report;
  private final Runnable ended;
  private final Clock clock;
  // Guards assignment, removed and exitCode: what the other threads change; the runner's thread
  // waits on this object for any of them. Everything else belongs to the runner's thread.
  private final Object lock = new Object();
  private Assignment assignment;
  private boolean removed;
  private Integer exitCode;
  private boolean changed = true;
  // Runner thread only.
  private TaskState state;
  private String containerId;
  private long pid;
  private boolean exitWatched;
  private TaskRuntime.State adopted;
  private Thread thread;

  /**
   * @param found the task's container if the node has one already (after a daemon restart)
   * @param ended called once the task is removed and its container gone
   */
  TaskRunner(Assignment assignment, TaskRuntime.TaskContainer found, TaskRuntime runtime,
      Consumer<TaskStatus> report, Runnable ended, Clock clock) {
    this.assignment = assignment;
    this.taskId = assignment.taskId();
    this.runtime = runtime;
    this.report = report;
    this.ended = ended;
    this.clock = clock;
    this.state = assignment.recorded().compareTo(TaskState.ASSIGNED) < 0 ? TaskState.ASSIGNED : assignment.recorded();
    if (found != null) {
      adopt(found);
    }
  }

  void start() {
    thread = Thread.ofVirtual().name("task-" + taskId).start(this::run);
  }

  /** Ends the thread and leaves the container as it is (the daemon stops; it finds it again). */
  void abandon() {
    if (thread != null) {
      thread.interrupt();
    }
  }

  String taskId() {
    return taskId;
  }

  /** What the manager wants now. */
  void update(Assignment next) {
    synchronized (lock) {
      assignment = next;
      changed = true;
      lock.notifyAll();
    }
  }

  /** The task is no longer this node's: stop and remove its container, then end. */
  void remove() {
    synchronized (lock) {
      removed = true;
      changed = true;
      lock.notifyAll();
    }
  }

  /**
   * Takes over the container a daemon restart left: a running one is watched again (and reported
   * running), an exited one ends the task as its exit code says.
   */
  private void adopt(TaskRuntime.TaskContainer c) {
    containerId = c.id();
    pid = c.pid();
    adopted = c.state();
    TaskState seen = c.state() == TaskRuntime.State.CREATED ? TaskState.READY : TaskState.RUNNING;
    if (!state.terminal() && seen.compareTo(state) > 0) {
      state = seen;
    }
  }

  private void run() {
    try {
      if (adopted != null) {
        resume();
      }
      while (true) {
        Assignment a;
        boolean rm;
        Integer exit;
        synchronized (lock) {
          while (!changed) {
            lock.wait();
          }
          changed = false;
          a = assignment;
          rm = removed;
          exit = exitCode;
        }
        if (rm) {
          removeContainer(a);
          return;
        }
        step(a, exit);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("task {}: the runner failed", taskId, e);
    } finally {
      ended.run();
    }
  }

  /**
   * Picks up a container found after a restart: a running one is reported running again (it
   * keeps running: no second start), one that ended meanwhile is reported by its exit code, and
   * one of a task that ended is stopped.
   */
  private void resume() {
    if (state.terminal()) {
      if (adopted == TaskRuntime.State.RUNNING) {
        runtime.stop(containerId, assignment.spec().effectiveStopGracePeriod());
      }
      return;
    }
    if (state == TaskState.RUNNING) {
      watchExit();
      if (adopted == TaskRuntime.State.RUNNING) {
        send(TaskState.RUNNING, "started", "");
      }
    }
    log.info("task {}: container {} found again ({})", taskId, containerId.substring(0, 12), adopted.name().toLowerCase());
  }

  /** One step towards what the manager wants; sets {@code changed} again if another step follows. */
  private void step(Assignment a, Integer exit) {
    if (state.terminal()) {
      return;
    }
    if (a.stopWanted()) {
      if (containerId != null && state.compareTo(TaskState.STARTING) >= 0 && exit == null) {
        runtime.stop(containerId, a.spec().effectiveStopGracePeriod());
      }
      send(TaskState.SHUTDOWN, "shutdown", "");
      return;
    }
    switch (state) {
      case ASSIGNED -> next(TaskState.ACCEPTED, "accepted");
      case ACCEPTED -> next(TaskState.PREPARING, "preparing");
      case PREPARING -> {
        if (prepare(a)) {
          next(TaskState.READY, "prepared");
        }
      }
      case READY -> {
        if (a.desired() == TaskState.RUNNING) {
          next(TaskState.STARTING, "starting");
        }
      }
      case STARTING -> {
        if (containerId == null && !prepare(a)) {
          return;
        }
        try {
          pid = runtime.start(containerId);
        } catch (ShoalException | IllegalStateException e) {
          fail(TaskState.FAILED, e.getMessage());
          return;
        }
        watchExit();
        next(TaskState.RUNNING, "started");
      }
      case RUNNING -> {
        if (containerId == null) {
          fail(TaskState.FAILED, "No such container: " + a.containerName());
        } else if (exit != null) {
          pid = 0;
          if (exit == 0) {
            send(TaskState.COMPLETE, "finished", "");
          } else {
            send(TaskState.FAILED, "started", exitError(exit));
          }
        }
      }
      default -> { }
    }
  }

  /** Makes the container (once); false if it cannot be made (the task is then rejected). */
  private boolean prepare(Assignment a) {
    if (containerId != null) {
      return true;
    }
    try {
      containerId = runtime.create(a);
      return true;
    } catch (ShoalException | IllegalStateException e) {
      fail(state.compareTo(TaskState.STARTING) < 0 ? TaskState.REJECTED : TaskState.FAILED, e.getMessage());
      return false;
    }
  }

  private void watchExit() {
    if (exitWatched) {
      return;
    }
    exitWatched = true;
    runtime.exit(containerId).whenComplete((code, err) -> {
      synchronized (lock) {
        exitCode = code == null ? -1 : code;
        changed = true;
        lock.notifyAll();
      }
    });
  }

  private void removeContainer(Assignment a) {
    if (containerId == null) {
      return;
    }
    if (state == TaskState.RUNNING || state == TaskState.STARTING) {
      runtime.stop(containerId, a.spec().effectiveStopGracePeriod());
    }
    runtime.remove(containerId);
    log.info("task {}: container {} removed", a.taskId(), containerId.substring(0, 12));
  }

  /** Moves on to the next state and asks for the step after it. */
  private void next(TaskState s, String message) {
    send(s, message, "");
    synchronized (lock) {
      changed = true;
    }
  }

  private void fail(TaskState s, String err) {
    log.info("task {}: {} ({})", taskId, s.name().toLowerCase(), err);
    send(s, messageOf(state), err);
  }

  /** The message of the state a failure happened in, which Docker keeps beside the error. */
  private static String messageOf(TaskState s) {
    return switch (s) {
      case ACCEPTED -> "accepted";
      case PREPARING -> "preparing";
      case READY -> "prepared";
      case STARTING -> "starting";
      case RUNNING -> "started";
      default -> "";
    };
  }

  private void send(TaskState s, String message, String err) {
    log.debug("task {}: {} {}", taskId, s, err);
    state = s;
    TaskStatus.Builder b = TaskStatus.newBuilder()
        .setTaskId(taskId)
        .setState(TaskProtos.toProto(s))
        .setMessage(message)
        .setErr(err)
        .setTimestampMs(clock.millis());
    if (containerId != null) {
      b.setContainerId(containerId).setPid(s == TaskState.RUNNING ? pid : 0);
      Integer code;
      synchronized (lock) {
        code = exitCode;
      }
      if (code != null && s.terminal()) {
        b.setExitCode(code);
      }
    }
    report.accept(b.build());
  }
}
