package shoal.manager.allocator;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import shoal.errors.InvalidArgumentException;
import shoal.manager.store.objects.NetworkObject;
import shoal.net.ipam.Ipv4Address;
import shoal.net.ipam.Ipv4Subnet;

/**
 * Decides a swarm network's subnet, gateway and VXLAN ID (pure: the other networks are given). The
 * API calls it to refuse a bad request before anything is stored; the {@link Allocator} calls it
 * again to allocate for real, one network after the other, so that two creations racing on two
 * managers cannot both take the same subnet or VNI.
 */
public final class NetworkAllocator {
  /** libnetwork's words for a requested subnet that overlaps another network's. */
  static final String OVERLAP = "invalid pool request: Pool overlaps with other one on this address space";

  private NetworkAllocator() {}

  /**
   * The allocation of a network with this spec, next to {@code others} (allocated or not: a
   * requested subnet counts as taken before it is allocated).
   *
   * @throws InvalidArgumentException when the request is malformed, its subnet overlaps another
   *     network's, its VNI is taken, or the pool is full
   */
  public static NetworkObject.Allocation allocate(
      String id, NetworkObject.Spec spec, SubnetPool pool, Collection<NetworkObject> others) {
    Set<Ipv4Subnet> taken = new HashSet<>();
    Set<Integer> vnis = new HashSet<>();
    for (NetworkObject o : others) {
      if (o.id().equals(id)) {
        continue;
      }
      Ipv4Subnet s = subnetOf(o);
      if (s != null) {
        taken.add(s);
      }
      if (o.allocated()) {
        vnis.add(o.allocation().vxlanId());
      }
    }
    NetworkObject.Ipam ipam = spec.ipam();
    Ipv4Subnet subnet;
    if (ipam.subnet().isEmpty()) {
      if (!ipam.gateway().isEmpty() || !ipam.ipRange().isEmpty()) {
        throw new InvalidArgumentException("a gateway or IP range needs its subnet (--subnet)");
      }
      subnet = pool.next(taken);
    } else {
      subnet = requested(ipam.subnet(), others, id);
    }
    Ipv4Address gateway = gateway(ipam.gateway(), subnet);
    String range = "";
    if (!ipam.ipRange().isEmpty()) {
      Ipv4Subnet r = Ipv4Subnet.parse(ipam.ipRange());
      if (!r.within(subnet)) {
        throw new InvalidArgumentException("invalid IP range " + r + ": it is not inside the subnet " + subnet);
      }
      range = r.toString();
    }
    String vniOption = spec.options().get(NetworkObject.VXLANID_LIST);
    int vni = vniOption != null && !vniOption.isBlank()
        ? Vnis.requested(vniOption, vnis) : Vnis.next(vnis, spec.ingress());
    return new NetworkObject.Allocation(subnet.toString(), gateway.toString(), range, vni);
  }

  /** The network's subnet: allocated, or else requested; null when neither (or malformed). */
  static Ipv4Subnet subnetOf(NetworkObject n) {
    String s = n.allocated() ? n.allocation().subnet() : n.spec().ipam().subnet();
    try {
      return s.isEmpty() ? null : Ipv4Subnet.parse(s);
    } catch (InvalidArgumentException e) {
      return null;
    }
  }

  private static Ipv4Subnet requested(String text, Collection<NetworkObject> others, String id) {
    Ipv4Subnet subnet = Ipv4Subnet.parse(text);
    if (subnet.prefixLength() > 30) {
      throw new InvalidArgumentException("invalid subnet " + subnet
          + ": an overlay network needs at least a /30 (a gateway and an address)");
    }
    for (NetworkObject o : others) {
      Ipv4Subnet theirs = subnetOf(o);
      if (!o.id().equals(id) && theirs != null && theirs.overlaps(subnet)) {
        throw new InvalidArgumentException(OVERLAP + ": " + subnet + " overlaps the subnet " + theirs
            + " of network " + o.spec().name());
      }
    }
    return subnet;
  }

  private static Ipv4Address gateway(String text, Ipv4Subnet subnet) {
    if (text.isEmpty()) {
      return subnet.base().plus(1);
    }
    Ipv4Address g = Ipv4Address.parse(text);
    if (!subnet.contains(g) || g.equals(subnet.base()) || g.equals(subnet.last())) {
      throw new InvalidArgumentException("invalid gateway " + g + ": it is not a host address of the subnet " + subnet);
    }
    return g;
  }
}
