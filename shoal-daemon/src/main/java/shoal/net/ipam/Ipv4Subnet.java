package shoal.net.ipam;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import shoal.errors.InvalidArgumentException;

/**
 * An IPv4 prefix such as 172.17.0.0/16. The base never has host bits set: {@link #parse} refuses
 * {@code 172.17.0.5/16} rather than silently moving it, so what a user asked is what they get.
 */
public record Ipv4Subnet(Ipv4Address base, int prefixLength) {

  public Ipv4Subnet {
    if (prefixLength < 0 || prefixLength > 32) {
      throw new InvalidArgumentException("invalid prefix length /" + prefixLength);
    }
    if ((base.bits() & ~mask(prefixLength)) != 0) {
      throw new IllegalArgumentException(base + " has host bits for /" + prefixLength);
    }
  }

  /** Parses {@code a.b.c.d/n}; the message says what is wrong and, for host bits, what was meant. */
  @JsonCreator
  public static Ipv4Subnet parse(String cidr) {
    int slash = cidr == null ? -1 : cidr.indexOf('/');
    if (slash < 0) {
      throw new InvalidArgumentException("invalid CIDR address: " + cidr);
    }
    Ipv4Address addr = Ipv4Address.tryParse(cidr.substring(0, slash));
    String len = cidr.substring(slash + 1);
    if (addr == null || len.isEmpty() || len.length() > 2 || !len.chars().allMatch(Character::isDigit)
        || Integer.parseInt(len) > 32) {
      throw new InvalidArgumentException("invalid CIDR address: " + cidr);
    }
    int n = Integer.parseInt(len);
    Ipv4Address base = new Ipv4Address(addr.bits() & mask(n));
    if (!base.equals(addr)) {
      throw new InvalidArgumentException(
          "invalid subnet " + cidr + ": it has host bits set; did you mean " + base + "/" + n + "?");
    }
    return new Ipv4Subnet(base, n);
  }

  static int mask(int prefixLength) {
    return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
  }

  public long size() {
    return 1L << (32 - prefixLength);
  }

  public Ipv4Address last() {
    return base.plus(size() - 1);
  }

  public boolean contains(Ipv4Address a) {
    return (a.bits() & mask(prefixLength)) == base.bits();
  }

  /** True when this prefix lies wholly inside {@code outer}. */
  public boolean within(Ipv4Subnet outer) {
    return prefixLength >= outer.prefixLength && outer.contains(base);
  }

  public boolean overlaps(Ipv4Subnet o) {
    return within(o) || o.within(this);
  }

  /** The address with its prefix, as on an interface: {@code 172.17.0.2/16}. */
  public String withPrefix(Ipv4Address a) {
    return a + "/" + prefixLength;
  }

  @JsonValue
  @Override
  public String toString() {
    return base + "/" + prefixLength;
  }
}
