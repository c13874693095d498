package shoal.net.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.common.CommandException;
import shoal.common.CommandResult;
import shoal.common.Commands;

/**
 * The one door to iproute2 ({@code ip}). Changes go in batches ({@code ip -batch -}), one process
 * per namespace touched; reads use {@code ip -json}. Failures are typed {@link IpException}s that
 * name the step that failed.
 */
public final class IpRoute {
  private static final Logger log = LoggerFactory.getLogger(IpRoute.class);
  private static final Pattern FAILED_LINE = Pattern.compile("Command failed -:(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DUMP_ATTEMPTS = 5;

  /** Runs the batch; does nothing for an empty one. */
  public void apply(IpBatch batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<String> argv = new ArrayList<>(List.of("ip"));
    if (batch.netns() != null) {
      argv.addAll(List.of("-n", batch.netns()));
    }
    argv.addAll(List.of("-batch", "-"));
    byte[] stdin = (String.join("\n", batch.lines()) + "\n").getBytes(StandardCharsets.UTF_8);
    CommandResult r = Commands.run(argv, stdin, java.util.Map.of(), Commands.DEFAULT_TIMEOUT);
    log.debug("ip batch {} -> exit {}", batch, r.exitCode());
    if (!r.ok()) {
      throw failure(batch, r);
    }
  }

  private static IpException failure(IpBatch batch, CommandResult r) {
    String err = r.stderr().strip();
    Matcher m = FAILED_LINE.matcher(err);
    // Some errors make ip exit at once without naming the line; then the whole batch is shown.
    int index = m.find() ? Integer.parseInt(m.group(1)) - 1 : -1;
    String message = err.replaceAll("(?m)^Command failed -:\\d+\\s*$", "").strip();
    if (message.isEmpty()) {
      message = r.failure();
    }
    String line = index >= 0 && index < batch.lines().size()
        ? batch.lines().get(index)
        : String.join("; ", batch.lines());
    if (message.contains("File exists")) {
      return new IpException.Exists(batch.netns(), index, line, message);
    }
    if (message.contains("Cannot find device") || message.contains("No such file or directory")
        || message.contains("does not exist")) {
      return new IpException.NotFound(batch.netns(), index, line, message);
    }
    return new IpException(batch.netns(), index, line, message);
  }

  /** Every link of a namespace (null: the host's) with its addresses. */
  public List<LinkInfo> links(String netns) {
    List<String> argv = new ArrayList<>(List.of("ip"));
    if (netns != null) {
      argv.addAll(List.of("-n", netns));
    }
    argv.addAll(List.of("-json", "-details", "address", "show"));
    String out = dump(argv, netns);
    List<LinkInfo> links = new ArrayList<>();
    for (JsonNode l : readArray(out)) {
      List<String> addrs = new ArrayList<>();
      for (JsonNode a : l.path("addr_info")) {
        if ("inet".equals(a.path("family").asText())) {
          addrs.add(a.path("local").asText() + "/" + a.path("prefixlen").asInt());
        }
      }
      links.add(new LinkInfo(
          l.path("ifname").asText(),
          l.path("linkinfo").path("info_kind").asText(""),
          l.path("master").asText(""),
          l.path("address").asText(""),
          l.path("mtu").asInt(),
          hasFlag(l, "UP"),
          addrs));
    }
    return links;
  }

  /** Destinations of the host's IPv4 routes (all tables), without the default route. */
  public List<String> routeDestinations() {
    String out = dump(List.of("ip", "-json", "-4", "route", "show", "table", "all"), null);
    List<String> dsts = new ArrayList<>();
    for (JsonNode r : readArray(out)) {
      String dst = r.path("dst").asText("");
      String type = r.path("type").asText("unicast");
      if (!dst.isEmpty() && !dst.equals("default") && type.equals("unicast")) {
        dsts.add(dst.contains("/") ? dst : dst + "/32");
      }
    }
    return dsts;
  }

  /** The permanent neighbour entries of a device (IPv4 address to MAC, lowercase). */
  public java.util.Map<String, String> permanentNeighbours(String netns, String dev) {
    List<String> argv = new ArrayList<>(List.of("ip"));
    if (netns != null) {
      argv.addAll(List.of("-n", netns));
    }
    argv.addAll(List.of("-json", "-4", "neigh", "show", "dev", dev));
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (JsonNode n : readArray(dump(argv, netns))) {
      boolean permanent = false;
      for (JsonNode s : n.path("state")) {
        permanent |= s.asText().equals("PERMANENT");
      }
      if (permanent && n.has("lladdr")) {
        out.put(n.path("dst").asText(), n.path("lladdr").asText().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return out;
  }

  /**
   * Runs a netlink dump, again when the kernel flags it as interrupted by a concurrent change (ip
   * then prints a partial, inconsistent list, which must never be taken for the truth).
   */
  private static String dump(List<String> argv, String netns) {
    for (int attempt = 1; ; attempt++) {
      CommandResult r;
      try {
        r = Commands.run(argv);
      } catch (CommandException e) {
        throw new IpException(netns, -1, String.join(" ", argv), e.getMessage());
      }
      boolean interrupted = r.stderr().contains("Dump was interrupted");
      if (r.ok() && !interrupted) {
        return r.stdout();
      }
      if (!interrupted || attempt >= DUMP_ATTEMPTS) {
        throw new IpException(netns, -1, String.join(" ", argv), r.failure());
      }
      log.debug("netlink dump interrupted, attempt {}: {}", attempt, String.join(" ", argv));
    }
  }

  private static boolean hasFlag(JsonNode link, String flag) {
    for (JsonNode f : link.path("flags")) {
      if (f.asText().equals(flag)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode readArray(String out) {
    try {
      return out.isBlank() ? JSON.createArrayNode() : JSON.readTree(out);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("ip printed JSON that does not parse: " + e.getMessage(), e);
    }
  }

  /**
   * One link as {@code ip -details address show} reports it.
   *
   * @param kind bridge, veth, vxlan…; empty for plain devices
   * @param master the bridge it is a port of, empty if none
   * @param ipv4 its IPv4 addresses with prefix, e.g. 172.17.0.1/16
   */
  public record LinkInfo(
      String name, String kind, String master, String mac, int mtu, boolean up, List<String> ipv4) {
    public LinkInfo {
      ipv4 = List.copyOf(ipv4);
    }
  }
}
