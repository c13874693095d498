package shoal.manager.allocator;

import java.util.List;
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.Ids;
import shoal.manager.store.objects.NetworkObject;

/** The routing-mesh network {@code swarm init} makes, as Docker makes it. */
public final class Ingress {
  public static final String NAME = "ingress";

  private Ingress() {}

  /**
   * The {@code ingress} network of a new swarm, already allocated (the swarm has no other network
   * yet, so there is nothing to race with): the pool's first subnet (10.0.0.0/24 by default),
   * gateway .1, VXLAN ID 4096; overlay, ingress, not attachable.
   */
  public static NetworkObject network(ClusterObject.AddressPool pool) {
    NetworkObject.Spec spec = NetworkObject.Spec.named(NAME).withFlags(false, false, true);
    String id = Ids.newId();
    return NetworkObject.of(id, spec)
        .withAllocation(NetworkAllocator.allocate(id, spec, SubnetPool.of(pool), List.of()));
  }
}
