package shoal.manager.allocator;

import java.time.Instant;
import java.util.Map;
import shoal.manager.orchestrator.ManagerLoop;
import shoal.manager.orchestrator.StoreLoop;
import shoal.manager.store.Store;
import shoal.manager.store.StoreEvent;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.TaskObject;
import shoal.net.ipam.Ipv4Address;

/**
 * On the leader: allocates swarm networks (subnet, gateway, VXLAN ID), services' virtual IPs and
 * tasks' addresses, and moves new tasks to PENDING once their networks are allocated, so that the
 * scheduler never places a task before (swarmkit's order). All allocations live in the store's
 * objects and each pass reads them all: a new leader's allocator continues exactly where the old
 * one stopped, reallocating nothing; addresses are free again once their task stopped for good or
 * was deleted, their service left the network or was removed, and subnets and VNIs once their
 * network was removed. Standalone containers' attachments get their addresses here too (and are
 * deleted once their node left the swarm).
 */
public final class Allocator implements ManagerLoop {
  private final Store store;
  private final StoreLoop loop;
  // Loop thread only: where each network's serial allocation stopped (a hint, not state).
  private Map<String, Ipv4Address> cursors = Map.of();

  public Allocator(Store store) {
    this.store = store;
    this.loop = new StoreLoop("allocator", store,
        StoreEvent.ofKind(Kind.NETWORK, Kind.SERVICE, Kind.TASK, Kind.CLUSTER, Kind.ATTACHMENT,
            Kind.NODE), this::reconcile);
  }

  /**
   * Whether the task's addresses are still its own (its networks cannot be removed): until it is
   * wanted stopped and either ended or never reached a node.
   */
  public static boolean holdsAddresses(TaskObject task) {
    return Attachments.holdsAddresses(task);
  }

  @Override
  public void run() throws InterruptedException {
    loop.run();
  }

  @Override
  public void stop() {
    loop.stop();
  }

  private Instant reconcile(Instant now) {
    Map<String, Ipv4Address> before = cursors;
    cursors = store.update(tx -> new AllocationPass(tx, now).run(before));
    return null;
  }
}
