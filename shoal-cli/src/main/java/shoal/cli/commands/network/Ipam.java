package shoal.cli.commands.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --subnet/--ip-range/--gateway/--aux-address} matched into IPAM pools as docker's
 * consolidateIpam does: each range, gateway and auxiliary address belongs to the one subnet that
 * contains it.
 */
final class Ipam {
  private Ipam() {}

  static List<Map<String, Object>> config(
      List<String> subnets, List<String> ranges, List<String> gateways, Map<String, String> aux) {
    if (subnets.size() < ranges.size() || subnets.size() < gateways.size()) {
      throw new IllegalArgumentException("every ip-range or gateway must have a corresponding subnet");
    }
    List<Map<String, Object>> pools = new ArrayList<>();
    for (String s : subnets) {
      Cidr c = Cidr.parse(s);
      for (Map<String, Object> other : pools) {
        Cidr o = Cidr.parse((String) other.get("Subnet"));
        if (o.overlaps(c)) {
          throw new IllegalArgumentException("multiple overlapping subnet configuration is not supported");
        }
      }
      Map<String, Object> pool = new LinkedHashMap<>();
      pool.put("Subnet", s);
      pools.add(pool);
    }
    for (String r : ranges) {
      Map<String, Object> pool = owner(pools, Cidr.parse(r).network(), "no matching subnet for range " + r);
      if (pool.containsKey("IPRange")) {
        throw new IllegalArgumentException("cannot configure multiple ranges (" + r + ", " + pool.get("IPRange") + ") on the same subnet (" + pool.get("Subnet") + ")");
      }
      pool.put("IPRange", r);
    }
    for (String g : gateways) {
      Map<String, Object> pool = owner(pools, address(g), "no matching subnet for gateway " + g);
      if (pool.containsKey("Gateway")) {
        throw new IllegalArgumentException("cannot configure multiple gateways (" + g + ", " + pool.get("Gateway") + ") for the same subnet (" + pool.get("Subnet") + ")");
      }
      pool.put("Gateway", g);
    }
    for (Map.Entry<String, String> a : aux.entrySet()) {
      Map<String, Object> pool = owner(pools, address(a.getValue()), "no matching subnet for aux-address " + a.getValue());
      @SuppressWarnings("unchecked")
      Map<String, String> m = (Map<String, String>) pool.computeIfAbsent("AuxiliaryAddresses", k -> new LinkedHashMap<String, String>());
      m.put(a.getKey(), a.getValue());
    }
    return pools;
  }

  private static Map<String, Object> owner(List<Map<String, Object>> pools, BigInteger ip, String error) {
    for (Map<String, Object> p : pools) {
      if (Cidr.parse((String) p.get("Subnet")).contains(ip)) {
        return p;
      }
    }
    throw new IllegalArgumentException(error);
  }

  static BigInteger address(String ip) {
    if (!ip.matches("[0-9a-fA-F.:]+")) {
      throw new IllegalArgumentException("invalid IP address: " + ip);
    }
    try {
      return new BigInteger(1, InetAddress.getByName(ip).getAddress());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("invalid IP address: " + ip);
    }
  }

  record Cidr(BigInteger base, int bits, int prefix) {
    static Cidr parse(String s) {
      int slash = s.indexOf('/');
      if (slash < 0) {
        throw new IllegalArgumentException("invalid CIDR address: " + s);
      }
      BigInteger ip;
      int prefix;
      try {
        ip = address(s.substring(0, slash));
        prefix = Integer.parseInt(s.substring(slash + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid CIDR address: " + s);
      }
      int bits = s.contains(":") ? 128 : 32;
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("invalid CIDR address: " + s);
      }
      BigInteger mask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE).not();
      return new Cidr(ip.and(mask), bits, prefix);
    }

    BigInteger network() {
      return base;
    }

    boolean contains(BigInteger ip) {
      BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
      return ip.compareTo(base) >= 0 && ip.compareTo(base.add(size)) < 0;
    }

    boolean overlaps(Cidr o) {
      return bits == o.bits && (contains(o.base) || o.contains(base));
    }
  }
}
