package shoal.manager.orchestrator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import shoal.manager.store.Store;
import shoal.manager.store.StoreEvent;
import shoal.manager.store.Watch;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.TaskObject;

/**
 * Every task as of each commit, rebuilt from the store's events, so that a test can check an
 * invariant at every step of a rollout (not only at the moments it happens to look).
 */
final class TaskMirror implements AutoCloseable {
  private final Thread thread;
  private volatile boolean stopping;
  private volatile Throwable failure;

  /** Calls {@code check} with the tasks after the current state and after every commit. */
  TaskMirror(Store store, Consumer<Map<String, TaskObject>> check) {
    Store.WatchedView<java.util.List<TaskObject>> start =
        store.viewAndWatch(tx -> tx.tasks().list(), StoreEvent.ofKind(Kind.TASK));
    Map<String, TaskObject> tasks = new HashMap<>();
    start.value().forEach(t -> tasks.put(t.id(), t));
    check.accept(Map.copyOf(tasks));
    thread = Thread.ofPlatform().name("task-mirror").daemon().start(() -> {
      try (Watch watch = start.watch()) {
        while (!stopping) {
          StoreEvent e = watch.poll(Duration.ofMillis(100));
          if (e instanceof StoreEvent.Deleted d) {
            tasks.remove(d.old().id());
          } else if (e instanceof StoreEvent.ObjectEvent o) {
            tasks.put(o.object().id(), (TaskObject) o.object());
          } else if (e instanceof StoreEvent.Commit) {
            check.accept(Map.copyOf(tasks));
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException | AssertionError e) {
        failure = e;
      }
    });
  }

  /** Stops; rethrows what a check threw. */
  @Override
  public void close() throws InterruptedException {
    stopping = true;
    thread.join(5_000);
    if (failure instanceof AssertionError a) {
      throw a;
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
  }
}
