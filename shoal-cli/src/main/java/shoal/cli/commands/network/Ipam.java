package shoal.cli.commands.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --subnet/--ip-range/--gateway/--aux-address} matched into IPAM pools as docker's CLI does
 * (consolidateIpam): each range, gateway and auxiliary address goes to the subnet that contains it.
 * Subnets are only parsed when something must be matched against them; otherwise the daemon
 * judges them, so the errors are the same as with docker.
 */
final class Ipam {
  private Ipam() {}

  static List<Map<String, Object>> config(
      List<String> subnets, List<String> ranges, List<String> gateways, Map<String, String> aux) {
    if (subnets.size() < ranges.size() || subnets.size() < gateways.size()) {
      throw new IllegalArgumentException("every ip-range or gateway must have a corresponding subnet");
    }
    Map<String, Map<String, Object>> pools = new LinkedHashMap<>();
    for (String s : subnets) {
      for (String other : pools.keySet()) {
        if (matches(s, other) || matches(other, s)) {
          throw new IllegalArgumentException("multiple overlapping subnet configuration is not supported");
        }
      }
      Map<String, Object> pool = new LinkedHashMap<>();
      pool.put("Subnet", s);
      pools.put(s, pool);
    }
    for (String r : ranges) {
      boolean match = false;
      for (String s : subnets) {
        if (!matches(s, r)) {
          continue;
        }
        Map<String, Object> pool = pools.get(s);
        if (pool.containsKey("IPRange")) {
          throw new IllegalArgumentException(
              "cannot configure multiple ranges (" + r + ", " + pool.get("IPRange") + ") on the same subnet (" + s + ")");
        }
        pool.put("IPRange", r);
        match = true;
      }
      if (!match) {
        throw new IllegalArgumentException("no matching subnet for range " + r);
      }
    }
    for (String g : gateways) {
      boolean match = false;
      for (String s : subnets) {
        if (!matches(s, g)) {
          continue;
        }
        Map<String, Object> pool = pools.get(s);
        if (pool.containsKey("Gateway")) {
          throw new IllegalArgumentException(
              "cannot configure multiple gateways (" + g + ", " + pool.get("Gateway") + ") for the same subnet (" + s + ")");
        }
        pool.put("Gateway", g);
        match = true;
      }
      if (!match) {
        throw new IllegalArgumentException("no matching subnet for gateway " + g);
      }
    }
    for (Map.Entry<String, String> a : aux.entrySet()) {
      boolean match = false;
      for (String s : subnets) {
        if (matches(s, a.getValue())) {
          @SuppressWarnings("unchecked")
          Map<String, String> m = (Map<String, String>) pools.get(s)
              .computeIfAbsent("AuxiliaryAddresses", k -> new LinkedHashMap<String, String>());
          m.put(a.getKey(), a.getValue());
          match = true;
        }
      }
      if (!match) {
        throw new IllegalArgumentException("no matching subnet for aux-address " + a.getValue());
      }
    }
    return new ArrayList<>(pools.values());
  }

  /** docker's subnetMatches: whether {@code data} (an address, or a CIDR's address) lies in {@code subnet}. */
  private static boolean matches(String subnet, String data) {
    Cidr s;
    try {
      s = Cidr.parse(subnet);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid subnet: " + e.getMessage());
    }
    BigInteger ip;
    if (data.contains("/")) {
      ip = Cidr.parse(data).address();
    } else {
      ip = address(data);
      if (ip == null) {
        return false;
      }
    }
    return s.contains(ip);
  }

  /** An IP literal as a number; null when it is not one (never resolves names). */
  private static BigInteger address(String ip) {
    if (!ip.matches("[0-9a-fA-F.:]+")) {
      return null;
    }
    try {
      return new BigInteger(1, InetAddress.getByName(ip).getAddress());
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private record Cidr(BigInteger address, BigInteger base, int bits, int prefix) {
    static Cidr parse(String s) {
      int slash = s.indexOf('/');
      BigInteger ip = slash > 0 ? Ipam.address(s.substring(0, slash)) : null;
      int prefix = -1;
      try {
        prefix = slash > 0 ? Integer.parseInt(s.substring(slash + 1)) : -1;
      } catch (NumberFormatException e) {
        // reported below
      }
      int bits = s.contains(":") ? 128 : 32;
      if (ip == null || prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("invalid CIDR address: " + s);
      }
      BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
          .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
      return new Cidr(ip, ip.and(mask), bits, prefix);
    }

    boolean contains(BigInteger ip) {
      return ip.compareTo(base) >= 0 && ip.compareTo(base.add(BigInteger.ONE.shiftLeft(bits - prefix))) < 0;
    }
  }
}
