package shoal.swarm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.manager.dispatcher.Dispatcher;
import shoal.manager.dispatcher.DispatcherService;
import shoal.manager.orchestrator.ManagerLoop;
import shoal.manager.orchestrator.ServiceLoops;
import shoal.manager.store.Leadership;
import shoal.manager.store.Store;
import shoal.manager.store.StoreListener;

/**
 * Starts the leader-only loops (dispatcher, role reconciler, manager status) when this manager
 * becomes the leader and stops them when it no longer is. Leadership events arrive on the store's
 * event thread, which must not block; starting and stopping happen on this class's own thread, in
 * the order the events came.
 */
final class LeaderLoops implements StoreListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LeaderLoops.class);

  /** A loop's body, which returns once stopped. */
  @FunctionalInterface
  private interface Runner {
    void run() throws InterruptedException;
  }

  /** A loop: run until stop; stop is idempotent and waits for run to return. */
  private record Loop(Runner run, Runnable stop) {}

  private final Store store;
  private final DispatcherService front;
  private final ExecutorService control;
  // Control thread only: the running loops and the dispatcher among them.
  private final List<Loop> running = new ArrayList<>();
  private Dispatcher dispatcher;

  LeaderLoops(Store store, DispatcherService front) {
    this.store = store;
    this.front = front;
    this.control = Executors.newSingleThreadExecutor(
        r -> Thread.ofPlatform().name("leader-loops-" + store.nodeId()).daemon().unstarted(r));
  }

  @Override
  public void leadershipChanged(Leadership leadership) {
    if (control.isShutdown()) {
      return;
    }
    control.execute(leadership.self() ? this::start : this::stop);
  }

  private void start() {
    if (!running.isEmpty()) {
      return;
    }
    log.info("node {} leads: starting the dispatcher and the leader's loops", store.nodeId());
    dispatcher = new Dispatcher(store);
    RoleReconciler roles = new RoleReconciler(store);
    ManagerStatusUpdater status = new ManagerStatusUpdater(store);
    running.add(new Loop(dispatcher::run, dispatcher::stop));
    running.add(new Loop(roles::run, roles::stop));
    running.add(new Loop(status::run, status::stop));
    for (ManagerLoop l : ServiceLoops.create(store)) {
      running.add(new Loop(l::run, l::stop));
    }
    for (Loop l : running) {
      Thread.ofPlatform().name("leader-loop-" + store.nodeId()).daemon().start(() -> {
        try {
          l.run().run();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
          log.error("a leader loop of node {} failed", store.nodeId(), e);
        }
      });
    }
    front.serve(dispatcher);
  }

  private void stop() {
    if (running.isEmpty()) {
      return;
    }
    front.unserve(dispatcher);
    running.forEach(l -> l.stop().run());
    running.clear();
    dispatcher = null;
    log.info("node {} no longer leads: its leader loops stopped", store.nodeId());
  }

  /** Stops following leadership and stops the loops; waits for them. */
  @Override
  public void close() {
    store.removeListener(this);
    if (control.isShutdown()) {
      return;
    }
    control.execute(this::stop);
    control.shutdown();
    try {
      if (!control.awaitTermination(15, TimeUnit.SECONDS)) {
        log.warn("the leader loops of node {} did not stop within 15 s", store.nodeId());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
