package shoal.cli.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PORTS column of {@code ps} (docker's DisplayablePorts): consecutive ports grouped into ranges,
 * {@code 0.0.0.0:8080->80/tcp} for published ones, {@code 80/tcp} for exposed ones.
 */
public final class Ports {
  public record Port(String ip, int privatePort, int publicPort, String type) {}

  private static final Comparator<Port> ORDER = Comparator.comparingInt(Port::privatePort)
      .thenComparing(Port::ip)
      .thenComparingInt(Port::publicPort)
      .thenComparing(Port::type);

  private Ports() {}

  public static String display(List<Port> ports) {
    List<Port> sorted = new ArrayList<>(ports);
    sorted.sort(ORDER);
    Map<String, int[]> groups = new LinkedHashMap<>(); // key → {first, last}
    List<String> result = new ArrayList<>();
    List<String> hostMappings = new ArrayList<>();
    for (Port p : sorted) {
      int current = p.privatePort();
      String key = p.type();
      if (!p.ip().isEmpty()) {
        if (p.publicPort() != current) {
          hostMappings.add(joinHostPort(p.ip(), p.publicPort()) + "->" + p.privatePort() + "/" + p.type());
          continue;
        }
        key = p.ip() + "/" + p.type();
      }
      int[] g = groups.get(key);
      if (g == null) {
        groups.put(key, new int[] {current, current});
        continue;
      }
      if (current == g[1] + 1) {
        g[1] = current;
        continue;
      }
      result.add(formGroup(key, g[0], g[1]));
      groups.put(key, new int[] {current, current});
    }
    for (Map.Entry<String, int[]> e : groups.entrySet()) {
      result.add(formGroup(e.getKey(), e.getValue()[0], e.getValue()[1]));
    }
    result.addAll(hostMappings);
    return String.join(", ", result);
  }

  private static String formGroup(String key, int start, int last) {
    int slash = key.lastIndexOf('/');
    String ip = slash >= 0 ? key.substring(0, slash) : "";
    String type = slash >= 0 ? key.substring(slash + 1) : key;
    String group = start == last ? Integer.toString(start) : start + "-" + last;
    if (!ip.isEmpty()) {
      group = joinHost(ip) + ":" + group + "->" + group;
    }
    return group + "/" + type;
  }

  private static String joinHostPort(String ip, int port) {
    return joinHost(ip) + ":" + port;
  }

  private static String joinHost(String ip) {
    return ip.contains(":") ? "[" + ip + "]" : ip;
  }
}
