package shoal.cli.commands.swarm;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --default-addr-pool} value: a CIDR, written back as its network ({@code 10.1.2.3/16}
 * becomes {@code 10.1.0.0/16}), as Go's {@code net.ParseCIDR} and {@code IPNet.String} do.
 * Only literals are read: nothing here ever resolves a name.
 */
public final class AddrPool {
  private AddrPool() {}

  /** @throws IllegalArgumentException {@code invalid string being converted to CIDR: x} */
  public static String parse(String raw) {
    String s = raw.strip();
    int slash = s.indexOf('/');
    byte[] ip = slash < 0 ? null : s.contains(":") ? ipv6(s.substring(0, slash)) : ipv4(s.substring(0, slash));
    int bits = ip == null ? -1 : prefix(s.substring(slash + 1), ip.length * 8);
    if (bits < 0) {
      throw new IllegalArgumentException("invalid string being converted to CIDR: " + raw);
    }
    for (int i = 0; i < ip.length; i++) {
      int keep = Math.clamp(bits - i * 8L, 0, 8);
      ip[i] &= (byte) (0xff << (8 - keep));
    }
    return (ip.length == 4 ? v4Text(ip) : v6Text(ip)) + "/" + bits;
  }

  private static int prefix(String s, int max) {
    if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    int n = Integer.parseInt(s);
    return n <= max ? n : -1;
  }

  private static byte[] ipv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] b = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
          || (p.length() > 1 && p.startsWith("0")) || Integer.parseInt(p) > 255) {
        return null;
      }
      b[i] = (byte) Integer.parseInt(p);
    }
    return b;
  }

  /** RFC 4291 text: hex groups, one {@code ::}, an optional dotted IPv4 tail. */
  private static byte[] ipv6(String s) {
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    List<Integer> head = gap < 0 ? groups(s) : groups(s.substring(0, gap));
    List<Integer> tail = gap < 0 ? List.of() : groups(s.substring(gap + 2));
    if (head == null || tail == null) {
      return null;
    }
    int n = head.size() + tail.size();
    if ((gap < 0 && n != 8) || (gap >= 0 && n > 7)) {
      return null;
    }
    byte[] b = new byte[16];
    for (int i = 0; i < head.size(); i++) {
      b[2 * i] = (byte) (head.get(i) >> 8);
      b[2 * i + 1] = head.get(i).byteValue();
    }
    for (int i = 0; i < tail.size(); i++) {
      int at = 8 - tail.size() + i;
      b[2 * at] = (byte) (tail.get(i) >> 8);
      b[2 * at + 1] = tail.get(i).byteValue();
    }
    return b;
  }

  private static List<Integer> groups(String s) {
    List<Integer> out = new ArrayList<>();
    if (s.isEmpty()) {
      return out;
    }
    String[] parts = s.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (i == parts.length - 1 && p.contains(".")) {
        byte[] v4 = ipv4(p);
        if (v4 == null) {
          return null;
        }
        out.add((v4[0] & 0xff) << 8 | (v4[1] & 0xff));
        out.add((v4[2] & 0xff) << 8 | (v4[3] & 0xff));
      } else if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        return null;
      } else {
        out.add(Integer.parseInt(p, 16));
      }
    }
    return out;
  }

  private static String v4Text(byte[] b) {
    return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
  }

  /** RFC 5952, as Go prints: lower case, the longest run of two or more zero groups as {@code ::}. */
  private static String v6Text(byte[] b) {
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  /** For picocli's {@code --default-addr-pool} (comma-separated values are split before). */
  public static final class Converter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
