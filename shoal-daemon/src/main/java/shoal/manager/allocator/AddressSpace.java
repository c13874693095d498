package shoal.manager.allocator;

import java.util.HashSet;
import java.util.Set;
import shoal.errors.InvalidArgumentException;
import shoal.manager.store.objects.NetworkObject;
import shoal.net.ipam.Ipv4Address;
import shoal.net.ipam.Ipv4Subnet;

/**
 * The addresses of one swarm network: which are used (gateway, VIPs, tasks' addresses) and which
 * comes next. Addresses are handed out serially, after the last one given, wrapping around: a
 * freed address is reused only once the others were, so a new endpoint rarely takes the address a
 * gone one had while peers may still have it in their tables.
 */
final class AddressSpace {
  /** libnetwork's words when a network is full. */
  static final String FULL = "could not allocate IP from IPAM: no available IPv4 addresses on this network's address pools";

  private final String networkId;
  private final Ipv4Subnet subnet;
  private final Ipv4Subnet range;
  private final Set<Ipv4Address> used = new HashSet<>();
  private long cursor;
  // The highest address recorded in the store, used or not: where a new leader resumes.
  private long highestSeen = -1;

  AddressSpace(NetworkObject network, Ipv4Address resumeAfter) {
    NetworkObject.Allocation a = network.allocation();
    this.networkId = network.id();
    this.subnet = Ipv4Subnet.parse(a.subnet());
    this.range = a.ipRange().isEmpty() ? subnet : Ipv4Subnet.parse(a.ipRange());
    used.add(Ipv4Address.parse(a.gateway()));
    this.cursor = resumeAfter == null ? -1 : resumeAfter.unsigned();
  }

  String networkId() {
    return networkId;
  }

  /** Marks an address recorded in the store ({@code 10.0.1.5/24}) as used; ignores others. */
  void markUsed(String withPrefix) {
    Ipv4Address a = parse(withPrefix);
    if (a != null && subnet.contains(a)) {
      used.add(a);
      markSeen(withPrefix);
    }
  }

  /** Notes an address a stopped task still records (free, but reused only after the others). */
  void markSeen(String withPrefix) {
    Ipv4Address a = parse(withPrefix);
    if (a != null && range.contains(a)) {
      highestSeen = Math.max(highestSeen, a.unsigned());
    }
  }

  boolean isUsed(String withPrefix) {
    Ipv4Address a = parse(withPrefix);
    return a != null && used.contains(a);
  }

  /**
   * The next free address after the last one handed out, with the prefix length.
   *
   * @throws InvalidArgumentException in libnetwork's words when the range is full
   */
  String take() {
    long first = range.base().unsigned();
    long size = range.size();
    long start = cursor < first || cursor > range.last().unsigned() ? first - 1 : cursor;
    for (long i = 1; i <= size; i++) {
      long a = first + Math.floorMod(start + i - first, size);
      Ipv4Address candidate = new Ipv4Address((int) a);
      if (usable(candidate) && used.add(candidate)) {
        cursor = a;
        return subnet.withPrefix(candidate);
      }
    }
    throw new InvalidArgumentException(FULL);
  }

  /**
   * After a leader change (no cursor kept): continue after the highest address the store records,
   * so that the addresses of recently stopped tasks are not the first handed out again.
   */
  void resumeAfterHighestSeen() {
    if (cursor < 0) {
      cursor = highestSeen;
    }
  }

  /** Gives back an address taken in this pass but not written (a task that could not get all). */
  void release(String withPrefix) {
    Ipv4Address a = parse(withPrefix);
    if (a != null) {
      used.remove(a);
    }
  }

  /** The last address handed out, to resume from in the next pass; null if none yet. */
  Ipv4Address cursor() {
    return cursor < 0 ? null : new Ipv4Address((int) cursor);
  }

  private boolean usable(Ipv4Address a) {
    if (subnet.prefixLength() >= 31) {
      return true;
    }
    return !a.equals(subnet.base()) && !a.equals(subnet.last());
  }

  private static Ipv4Address parse(String withPrefix) {
    int slash = withPrefix.indexOf('/');
    return Ipv4Address.tryParse(slash < 0 ? withPrefix : withPrefix.substring(0, slash));
  }
}
