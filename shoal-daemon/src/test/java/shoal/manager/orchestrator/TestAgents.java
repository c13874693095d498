package shoal.manager.orchestrator;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import shoal.manager.store.Store;
import shoal.manager.store.StoreEvent;
import shoal.manager.store.StoreException;
import shoal.manager.store.Tx;
import shoal.manager.store.Watch;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;

/**
 * Stands in for the nodes' agents in component tests: on every change, each task placed on a node
 * whose agent is up goes where its desired state says (RUNNING, READY, or SHUTDOWN once asked to
 * stop), in one step; a task the test marks as failing fails instead of running.
 */
final class TestAgents implements Runnable {
  private final Store store;
  private final Set<String> down = ConcurrentHashMap.newKeySet();
  private volatile Predicate<TaskObject> exiting = t -> false;
  private volatile int exitCode = 1;
  private volatile boolean stopping;
  private final Thread thread;

  TestAgents(Store store) {
    this.store = store;
    this.thread = Thread.ofPlatform().name("test-agents").daemon().unstarted(this);
  }

  void start() {
    thread.start();
  }

  /** The node's agent stops answering (its tasks keep their last status), or answers again. */
  void setUp(String nodeId, boolean up) {
    if (up) {
      down.remove(nodeId);
    } else {
      down.add(nodeId);
    }
  }

  /** Tasks that match fail when asked to run (exit code 1). */
  void failWhen(Predicate<TaskObject> failing) {
    exitWhen(failing, 1);
  }

  /** Tasks that match exit with the code when asked to run (0: complete, else failed). */
  void exitWhen(Predicate<TaskObject> exiting, int exitCode) {
    this.exitCode = exitCode;
    this.exiting = exiting;
  }

  @Override
  public void run() {
    try (Watch watch = store.watch(StoreEvent.ofKind(Kind.TASK))) {
      act();
      while (!stopping) {
        StoreEvent e = watch.poll(java.time.Duration.ofMillis(100));
        if (e instanceof StoreEvent.Commit) {
          act();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (StoreException e) {
      if (!stopping) {
        throw e;
      }
    }
  }

  /** Runs one round at once (also for nodes that came back up). */
  void act() {
    store.update(this::step);
  }

  private Void step(Tx tx) {
    Instant now = Instant.now();
    for (TaskObject t : tx.tasks().list()) {
      if (t.nodeId().isEmpty() || down.contains(t.nodeId())
          || t.status().state().compareTo(TaskState.ASSIGNED) < 0
          || t.status().state().terminal()) {
        continue;
      }
      TaskState want = t.desiredState();
      TaskObject.Status next = null;
      if (want.compareTo(TaskState.SHUTDOWN) >= 0) {
        next = t.status().next(TaskState.SHUTDOWN, "shutdown", now);
      } else if (want == TaskState.RUNNING && t.status().state() != TaskState.RUNNING) {
        int code = exitCode;
        next = !exiting.test(t) ? t.status().next(TaskState.RUNNING, "started", now)
            .withContainerStatus(new TaskObject.ContainerStatus("c" + t.id(), 1, 0))
            : code == 0 ? t.status().next(TaskState.COMPLETE, "finished", now)
                .withContainerStatus(new TaskObject.ContainerStatus("c" + t.id(), 0, 0))
            : t.status().next(TaskState.FAILED, "task: non-zero exit (" + code + ")", now)
                .withErr("task: non-zero exit (" + code + ")")
                .withContainerStatus(new TaskObject.ContainerStatus("c" + t.id(), 0, code));
      } else if (want == TaskState.READY && t.status().state().compareTo(TaskState.READY) < 0) {
        next = t.status().next(TaskState.READY, "prepared", now);
      }
      if (next != null) {
        tx.tasks().update(t.withStatus(next));
      }
    }
    return null;
  }

  void stop() throws InterruptedException {
    stopping = true;
    thread.join(5_000);
  }

  /** For tests that want a count per node of the running tasks of a service. */
  static Map<String, Long> runningPerNode(java.util.List<TaskObject> tasks) {
    return tasks.stream().filter(t -> t.status().state() == TaskState.RUNNING
            && t.desiredState() == TaskState.RUNNING)
        .collect(java.util.stream.Collectors.groupingBy(TaskObject::nodeId,
            java.util.TreeMap::new, java.util.stream.Collectors.counting()));
  }
}
