package shoal.lab;

/** An IPv4 subnet in CIDR notation, just enough to hand out the lab's host addresses. */
record Ipv4Subnet(int network, int prefixLength) {
  static Ipv4Subnet parse(String cidr) {
    String[] parts = cidr.split("/");
    if (parts.length != 2) {
      throw new IllegalArgumentException("invalid subnet " + cidr + ": expected a.b.c.d/len");
    }
    int len;
    try {
      len = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid subnet " + cidr + ": bad prefix length");
    }
    if (len < 8 || len > 28) {
      throw new IllegalArgumentException("invalid subnet " + cidr + ": prefix length must be 8..28");
    }
    int addr = parseAddress(parts[0], cidr);
    int mask = (int) (0xffffffffL << (32 - len));
    return new Ipv4Subnet(addr & mask, len);
  }

  private static int parseAddress(String s, String context) {
    String[] o = s.split("\\.");
    if (o.length != 4) {
      throw new IllegalArgumentException("invalid subnet " + context + ": bad address");
    }
    int v = 0;
    for (String x : o) {
      int b;
      try {
        b = Integer.parseInt(x);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("invalid subnet " + context + ": bad address");
      }
      if (b < 0 || b > 255) {
        throw new IllegalArgumentException("invalid subnet " + context + ": bad address");
      }
      v = (v << 8) | b;
    }
    return v;
  }

  /** How many addresses from .{@code first} on fit before the broadcast address. */
  int capacityFrom(int first) {
    long size = 1L << (32 - prefixLength);
    return (int) Math.max(0, size - 1 - first);
  }

  /** The address {@code offset} into the subnet, e.g. offset 11 of 192.168.77.0/24 is .11. */
  String address(int offset) {
    int a = network + offset;
    return ((a >>> 24) & 0xff) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
  }

  String cidr() {
    return address(0) + "/" + prefixLength;
  }
}
