package shoal.net.ipam;

import java.util.Set;
import shoal.errors.InvalidArgumentException;

/**
 * Picks container addresses in one network: the lowest free host address of the range (the whole
 * subnet unless {@code --ip-range}), never the network or broadcast address nor the gateway. Pure:
 * the addresses in use are given, so the caller decides where they are kept.
 *
 * @param range where automatic addresses come from; inside {@code subnet}
 * @param gateway excluded from allocation; null when the network has none
 */
public record AddressAllocator(Ipv4Subnet subnet, Ipv4Subnet range, Ipv4Address gateway) {

  public AddressAllocator {
    if (range == null) {
      range = subnet;
    }
  }

  /**
   * The lowest free address of the range.
   *
   * @throws InvalidArgumentException when the range is full
   */
  public Ipv4Address allocate(Set<Ipv4Address> used) {
    long first = range.base().unsigned();
    long last = range.last().unsigned();
    for (long a = first; a <= last; a++) {
      Ipv4Address candidate = new Ipv4Address((int) a);
      if (usable(candidate) && !used.contains(candidate)) {
        return candidate;
      }
    }
    throw new InvalidArgumentException(
        "no available IPv4 addresses on this network's address pools: " + subnet);
  }

  /**
   * Checks a fixed address ({@code --ip}): anywhere in the subnet, also outside the range, as Docker
   * allows.
   *
   * @throws InvalidArgumentException when it is outside the subnet, reserved or taken
   */
  public Ipv4Address reserve(Ipv4Address wanted, Set<Ipv4Address> used) {
    if (!subnet.contains(wanted)) {
      throw new InvalidArgumentException(
          "Invalid address " + wanted + ": It does not belong to any of this network's subnets");
    }
    if (!usable(wanted) || used.contains(wanted)) {
      throw new InvalidArgumentException("Address already in use: " + wanted);
    }
    return wanted;
  }

  private boolean usable(Ipv4Address a) {
    if (a.equals(gateway)) {
      return false;
    }
    // /31 and /32 have no network or broadcast address (RFC 3021).
    if (subnet.prefixLength() >= 31) {
      return true;
    }
    return !a.equals(subnet.base()) && !a.equals(subnet.last());
  }
}
