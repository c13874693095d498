package shoal.manager.allocator;

import java.util.Collection;
import java.util.List;
import shoal.errors.InvalidArgumentException;
import shoal.manager.store.objects.ClusterObject;
import shoal.net.ipam.Ipv4Address;
import shoal.net.ipam.Ipv4Subnet;

/**
 * The cluster's default address pool ({@code swarm init --default-addr-pool}, 10.0.0.0/8 unless
 * given) carved into subnets of its mask length (/24 unless {@code
 * --default-addr-pool-mask-length}): the lowest one that overlaps no subnet already taken.
 */
public record SubnetPool(List<Ipv4Subnet> pools, int maskLength) {
  /** Docker's words when the pool has no room left. */
  static final String EXHAUSTED =
      "could not find an available, non-overlapping IPv4 address pool among the defaults to assign"
          + " to the network";

  public static final SubnetPool DEFAULT = new SubnetPool(List.of(Ipv4Subnet.parse("10.0.0.0/8")), 24);

  public SubnetPool {
    pools = List.copyOf(pools);
  }

  /** The cluster's pool; Docker's default when the cluster has none recorded. */
  public static SubnetPool of(ClusterObject.AddressPool pool) {
    if (pool == null || pool.subnets().isEmpty()) {
      return DEFAULT;
    }
    return new SubnetPool(pool.subnets().stream().map(Ipv4Subnet::parse).toList(),
        pool.maskLength() == 0 ? 24 : pool.maskLength());
  }

  /**
   * The first subnet of the pool that overlaps none of {@code taken}.
   *
   * @throws InvalidArgumentException in Docker's words when the pool is full
   */
  public Ipv4Subnet next(Collection<Ipv4Subnet> taken) {
    for (Ipv4Subnet pool : pools) {
      int mask = Math.max(maskLength, pool.prefixLength());
      long size = 1L << (32 - mask);
      long end = pool.base().unsigned() + pool.size();
      long at = pool.base().unsigned();
      while (at < end) {
        Ipv4Subnet candidate = new Ipv4Subnet(new Ipv4Address((int) at), mask);
        Ipv4Subnet clash = taken.stream().filter(candidate::overlaps).findFirst().orElse(null);
        if (clash == null) {
          return candidate;
        }
        // Jump past the clashing subnet, to the next boundary of our size.
        long past = Math.max(at + size, clash.last().unsigned() + 1);
        at = (past + size - 1) / size * size;
      }
    }
    throw new InvalidArgumentException(EXHAUSTED);
  }
}
