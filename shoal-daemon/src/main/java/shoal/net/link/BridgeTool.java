package shoal.net.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.common.CommandException;
import shoal.common.CommandResult;
import shoal.common.Commands;

/**
 * The one door to iproute2's {@code bridge} tool: forwarding database entries of VXLAN devices.
 * Changes go in batches ({@code bridge -batch -}), one process per namespace; reads use
 * {@code bridge -json}. Failures are {@link IpException}s naming the step, as {@link IpRoute}'s are.
 */
public final class BridgeTool {
  private static final Logger log = LoggerFactory.getLogger(BridgeTool.class);
  private static final Pattern FAILED_LINE = Pattern.compile("Command failed -:(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs the batch; does nothing for an empty one. */
  public void apply(BridgeBatch batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<String> argv = new ArrayList<>(List.of("bridge"));
    if (batch.netns() != null) {
      argv.addAll(List.of("-n", batch.netns()));
    }
    argv.addAll(List.of("-batch", "-"));
    byte[] stdin = (String.join("\n", batch.lines()) + "\n").getBytes(StandardCharsets.UTF_8);
    CommandResult r = Commands.run(argv, stdin, Map.of(), Commands.DEFAULT_TIMEOUT);
    log.debug("bridge batch {} -> exit {}", batch, r.exitCode());
    if (!r.ok()) {
      String err = r.stderr().strip();
      Matcher m = FAILED_LINE.matcher(err);
      int index = m.find() ? Integer.parseInt(m.group(1)) - 1 : -1;
      String message = err.replaceAll("(?m)^Command failed -:\\d+\\s*$", "").strip();
      String line = index >= 0 && index < batch.lines().size()
          ? batch.lines().get(index) : String.join("; ", batch.lines());
      String words = message.isEmpty() ? r.failure() : message;
      if (words.contains("No such file or directory") || words.contains("Cannot find device")) {
        throw new IpException.NotFound(batch.netns(), index, "bridge " + line, words);
      }
      throw new IpException(batch.netns(), index, "bridge " + line, words);
    }
  }

  /**
   * The static remote entries of a VXLAN device (those with a destination VTEP), as
   * {@code bridge fdb show dev DEV} lists them.
   */
  public List<RemoteEntry> remoteEntries(String netns, String vxlanDev) {
    List<String> argv = new ArrayList<>(List.of("bridge"));
    if (netns != null) {
      argv.addAll(List.of("-n", netns));
    }
    argv.addAll(List.of("-json", "fdb", "show", "dev", vxlanDev));
    CommandResult r;
    try {
      r = Commands.run(argv);
    } catch (CommandException e) {
      throw new IpException(netns, -1, String.join(" ", argv), e.getMessage());
    }
    if (!r.ok()) {
      throw new IpException(netns, -1, String.join(" ", argv), r.failure());
    }
    List<RemoteEntry> out = new ArrayList<>();
    for (JsonNode e : read(r.stdout())) {
      String dst = e.path("dst").asText("");
      if (!dst.isEmpty()) {
        out.add(new RemoteEntry(e.path("mac").asText(), dst));
      }
    }
    return out;
  }

  private static JsonNode read(String out) {
    try {
      return out.isBlank() ? JSON.createArrayNode() : JSON.readTree(out);
    } catch (IOException e) {
      throw new IllegalStateException("bridge printed JSON that does not parse: " + e.getMessage(), e);
    }
  }

  /** A forwarding entry towards a remote VXLAN endpoint: MAC (lowercase) → VTEP address. */
  public record RemoteEntry(String mac, String vtep) {}
}
