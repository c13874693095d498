package shoal.net.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import shoal.net.link.IpBatch;
import shoal.net.link.IpException;
import shoal.net.link.IpRoute;

/**
 * Containers' network namespaces: named {@code shoal-<first 12 of the container id>} and made with
 * {@code ip netns add}, so they live under /run/netns (private to each host in the lab) and outlive
 * a daemon restart as long as the host runs.
 */
public final class SandboxNamespaces {
  public static final String PREFIX = "shoal-";
  private static final Path NETNS_DIR = Path.of("/run/netns");

  private final IpRoute ip;

  public SandboxNamespaces(IpRoute ip) {
    this.ip = ip;
  }

  public static String nameOf(String containerId) {
    return PREFIX + containerId.substring(0, Math.min(12, containerId.length()));
  }

  public static Path pathOf(String netnsName) {
    return NETNS_DIR.resolve(netnsName);
  }

  public boolean exists(String netnsName) {
    return Files.exists(pathOf(netnsName));
  }

  /** Names of the namespaces this class made (and that still exist). */
  public List<String> list() {
    if (!Files.isDirectory(NETNS_DIR)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(NETNS_DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(PREFIX)).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + NETNS_DIR + ": " + e.getMessage(), e);
    }
  }

  /** Adds the step that creates the namespace to a host batch (so creating costs no process of its own). */
  public void create(IpBatch hostBatch, String netnsName) {
    hostBatch.addNetns(netnsName);
  }

  /** Adds the steps that make a fresh namespace usable: loopback up. */
  public void initialise(IpBatch nsBatch) {
    nsBatch.up("lo");
  }

  /** Removes the namespace; a missing one is fine. Links inside it go with it. */
  public void delete(String netnsName) {
    if (!exists(netnsName)) {
      return;
    }
    try {
      ip.apply(IpBatch.inHost().deleteNetns(netnsName));
    } catch (IpException.NotFound gone) {
      // Removed meanwhile: what was asked holds.
    }
  }
}
