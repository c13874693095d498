package shoal.net.link;

import java.util.ArrayList;
import java.util.List;

/**
 * Steps for one {@code bridge -batch -} run in one network namespace (the {@code bridge} tool of
 * iproute2, for forwarding database entries). Like {@link IpBatch}: one process for many changes,
 * run in order by {@link BridgeTool#apply}, stopping at the first that fails.
 */
public final class BridgeBatch {
  private final String netns;
  private final List<String> lines = new ArrayList<>();

  private BridgeBatch(String netns) {
    this.netns = netns;
  }

  /** Steps run inside the named namespace ({@code bridge -n NAME}); null for the host's. */
  public static BridgeBatch in(String netns) {
    return new BridgeBatch(netns);
  }

  public String netns() {
    return netns;
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /**
   * A static entry sending frames for {@code mac} to a remote VXLAN endpoint: set, or replaced when
   * the MAC is known with another destination (a peer that moved).
   */
  public BridgeBatch replaceRemote(String mac, String vxlanDev, String vtep) {
    lines.add("fdb replace " + mac + " dev " + vxlanDev + " dst " + vtep + " self permanent");
    return this;
  }

  /** Removes the VXLAN device's entry for {@code mac} (with all its destinations). */
  public BridgeBatch deleteRemote(String mac, String vxlanDev) {
    lines.add("fdb del " + mac + " dev " + vxlanDev + " self");
    return this;
  }

  @Override
  public String toString() {
    return (netns == null ? "" : "[" + netns + "] ") + String.join("; ", lines);
  }
}
