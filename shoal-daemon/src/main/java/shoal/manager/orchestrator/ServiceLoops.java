package shoal.manager.orchestrator;

import java.util.List;
import shoal.manager.allocator.Allocator;
import shoal.manager.scheduler.Scheduler;
import shoal.manager.store.Store;

/**
 * The loops of services the leader runs, each on its own thread, all over one store: they talk
 * only through it (an orchestrator makes a task, the scheduler places it, the dispatcher hands it
 * to its node).
 */
public final class ServiceLoops {
  private ServiceLoops() {}

  /** New loops (not started): orchestrators, updater, allocator, scheduler, task reaper. */
  public static List<ManagerLoop> create(Store store) {
    return List.of(new ReplicatedOrchestrator(store), new GlobalOrchestrator(store),
        new Updater(store), new Allocator(store), new Scheduler(store), new TaskReaper(store));
  }
}
