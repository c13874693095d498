package shoal.runtime.container;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import shoal.runtime.logs.JsonLogFile;
import shoal.runtime.logs.OutputHub;

/**
 * One container: its persistent record, and while it runs, its process. Changes to the record go
 * through {@link #update}, which saves it.
 *
 * <p>Locks: {@link #operations} serializes what users ask (start, stop, restart, remove, pause)
 * and is taken first; the monitor of this object guards the fields below and is held only briefly,
 * never while waiting for a process, so the exit of a process can always be recorded.
 */
public final class Container {
  final ReentrantLock operations = new ReentrantLock();

  private final Path dataDir;
  private final RunDir runDir;
  private final OutputHub hub = new OutputHub();
  private final JsonLogFile logFile;
  private final ContainerStore store;
  // Guarded by this: the record, the running process, the waiters of the next exit and of the
  // removal, the restart the policy scheduled, the exec sessions, and whether stdin was claimed.
  private ContainerRecord record;
  private ContainerProcess process;
  private CompletableFuture<ContainerProcess> started = new CompletableFuture<>();
  private CompletableFuture<Integer> nextExit = new CompletableFuture<>();
  private final CompletableFuture<Integer> removed = new CompletableFuture<>();
  private Thread pendingRestart;
  private final List<String> execIds = new ArrayList<>();
  private boolean stdinClaimed;
  private boolean exitRequested;

  Container(ContainerRecord record, Path dataDir, RunDir runDir, ContainerStore store) {
    this.record = record;
    this.dataDir = dataDir;
    this.runDir = runDir;
    this.store = store;
    this.logFile = new JsonLogFile(dataDir.resolve(record.id() + "-json.log"));
  }

  public String id() {
    return record().id();
  }

  public synchronized ContainerRecord record() {
    return record;
  }

  /** Applies a change and saves the result; returns it. */
  synchronized ContainerRecord update(UnaryOperator<ContainerRecord> change) {
    ContainerRecord next = change.apply(record);
    store.save(next);
    record = next;
    return next;
  }

  Path dataDir() {
    return dataDir;
  }

  RunDir runDir() {
    return runDir;
  }

  public OutputHub hub() {
    return hub;
  }

  public JsonLogFile logFile() {
    return logFile;
  }

  synchronized ContainerProcess process() {
    return process;
  }

  /** Sets (or with null, clears) the running process. */
  synchronized void process(ContainerProcess p) {
    process = p;
    if (p != null) {
      started.complete(p);
    } else if (started.isDone()) {
      started = new CompletableFuture<>();
    }
  }

  /** The running process, or the next one to start (attach before start waits for it). */
  synchronized CompletableFuture<ContainerProcess> started() {
    return started;
  }

  /** Completes with the exit code of the next exit (or of the current one, if it is ending). */
  synchronized CompletableFuture<Integer> nextExit() {
    return nextExit;
  }

  /** Called once per exit: wakes its waiters and arms the next. */
  synchronized void exited(int code) {
    CompletableFuture<Integer> done = nextExit;
    nextExit = new CompletableFuture<>();
    done.complete(code);
  }

  CompletableFuture<Integer> removed() {
    return removed;
  }

  /** The coming exit was asked for (stop, or kill with the stop signal): no policy restart. */
  synchronized void requestExit() {
    exitRequested = true;
  }

  /** Whether the exit that just happened was asked for; clears the flag for the next run. */
  synchronized boolean takeExitRequested() {
    boolean r = exitRequested;
    exitRequested = false;
    return r;
  }

  synchronized Thread pendingRestart() {
    return pendingRestart;
  }

  synchronized void pendingRestart(Thread t) {
    pendingRestart = t;
  }

  synchronized List<String> execIds() {
    return List.copyOf(execIds);
  }

  synchronized void addExec(String execId) {
    execIds.add(execId);
  }

  synchronized void removeExec(String execId) {
    execIds.remove(execId);
  }

  /** StdinOnce: the first client attached with stdin owns it; true for that one. */
  synchronized boolean claimStdin() {
    if (stdinClaimed) {
      return false;
    }
    stdinClaimed = true;
    return true;
  }

  synchronized void releaseStdinClaim() {
    stdinClaimed = false;
  }
}
