package shoal.net.ipam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import shoal.errors.InvalidArgumentException;

/**
 * Where networks without a {@code --subnet} get theirs: Docker's default local pools, 172.17/16 to
 * 172.31/16 as /16s, then 192.168/16 carved in /20s. A candidate is skipped when it overlaps a
 * network already made or a route of the host (the host's own LAN must stay reachable).
 */
public final class AddressPools {
  private final List<Ipv4Subnet> candidates;

  public AddressPools(List<Ipv4Subnet> candidates) {
    this.candidates = List.copyOf(candidates);
  }

  public static AddressPools dockerDefaults() {
    List<Ipv4Subnet> c = new ArrayList<>();
    for (int second = 17; second <= 31; second++) {
      c.add(Ipv4Subnet.parse("172." + second + ".0.0/16"));
    }
    for (int third = 0; third < 256; third += 16) {
      c.add(Ipv4Subnet.parse("192.168." + third + ".0/20"));
    }
    return new AddressPools(c);
  }

  /**
   * The first candidate overlapping none of {@code taken}.
   *
   * @throws InvalidArgumentException in Docker's words when every candidate is taken
   */
  public Ipv4Subnet next(Collection<Ipv4Subnet> taken) {
    for (Ipv4Subnet c : candidates) {
      if (taken.stream().noneMatch(c::overlaps)) {
        return c;
      }
    }
    throw new InvalidArgumentException(
        "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network");
  }
}
