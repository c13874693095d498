package shoal.net.nft;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.common.CommandException;
import shoal.common.CommandResult;
import shoal.common.Commands;

/**
 * The one door to nftables. Shoal owns whole tables and only ever replaces a table as a whole in
 * one {@code nft -f -} transaction, so the kernel holds either the old ruleset or the new one,
 * never half of either, and applying the same ruleset twice changes nothing.
 */
public final class Nft {
  private static final Logger log = LoggerFactory.getLogger(Nft.class);

  private final List<String> command;

  private Nft(List<String> command) {
    this.command = List.copyOf(command);
  }

  /** Tables of the daemon's own (the host's) namespace. */
  public static Nft inHost() {
    return new Nft(List.of("nft"));
  }

  /** Tables of another network namespace (a sandbox), entered with {@code ip netns exec}. */
  public static Nft inNetns(String netns) {
    return new Nft(List.of("ip", "netns", "exec", netns, "nft"));
  }

  /**
   * Replaces table {@code family name} by {@code definition}, the full {@code table family name {…}}
   * text, atomically.
   *
   * @throws NftException in nft's words; the previous table is then untouched
   */
  public void replaceTable(String family, String name, String definition) {
    String script = "table " + family + " " + name + "\n"
        + "delete table " + family + " " + name + "\n"
        + definition;
    run(List.of("-f", "-"), script);
  }

  /** Removes the table if it exists. */
  public void deleteTable(String family, String name) {
    run(List.of("-f", "-"), "table " + family + " " + name + "\ndelete table " + family + " " + name + "\n");
  }

  /** The table as nft lists it, or an empty string when there is none. */
  public String listTable(String family, String name) {
    List<String> argv = new ArrayList<>(command);
    argv.addAll(List.of("list", "table", family, name));
    CommandResult r = Commands.run(argv);
    return r.ok() ? r.stdout() : "";
  }

  private void run(List<String> args, String stdin) {
    List<String> argv = new ArrayList<>(command);
    argv.addAll(args);
    try {
      CommandResult r =
          Commands.run(argv, stdin.getBytes(StandardCharsets.UTF_8), Map.of(), Commands.DEFAULT_TIMEOUT);
      log.debug("nft transaction of {} bytes -> exit {}", stdin.length(), r.exitCode());
      if (!r.ok()) {
        throw new NftException(r.failure(), null);
      }
    } catch (CommandException e) {
      throw new NftException(e.getMessage(), e);
    }
  }
}
