package shoal.net;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.NotFoundException;
import shoal.errors.SystemException;
import shoal.net.ipam.Ipv4Address;

/**
 * The networks and sandboxes of this daemon, in memory and on disk: networks under
 * {@code <data root>/network/networks/}, sandboxes under {@code <exec root>/network/sandboxes/}.
 * Every change is written (atomically, file by file) before the method returns.
 *
 * <p>Callers that read, change the kernel and then record (NetworkService, LocalNetworking) hold
 * this object's monitor for the whole sequence; it is the only lock of the network side. Its
 * own methods take it too, so single reads are safe without it.
 */
public final class NetworkState {
  private static final Logger log = LoggerFactory.getLogger(NetworkState.class);
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final Path networkDir;
  private final Path sandboxDir;
  private final Path overlayDir;
  // Guarded by this: the swarm (overlay) networks this node knows, kept apart from the local
  // networks the Engine API lists; by ID.
  private final Map<String, Network> overlays = new LinkedHashMap<>();
  // Guarded by this.
  private final Map<String, Network> networks = new LinkedHashMap<>();
  // Guarded by this; by container id.
  private final Map<String, Sandbox> sandboxes = new LinkedHashMap<>();

  private NetworkState(Path networkDir, Path sandboxDir, Path overlayDir) {
    this.networkDir = networkDir;
    this.sandboxDir = sandboxDir;
    this.overlayDir = overlayDir;
  }

  /** Loads what earlier runs of the daemon recorded; a file that does not parse is logged and skipped. */
  public static NetworkState load(Path dataRoot, Path execRoot) {
    NetworkState s = new NetworkState(
        dataRoot.resolve("network").resolve("networks"), execRoot.resolve("network").resolve("sandboxes"),
        execRoot.resolve("network").resolve("overlays"));
    try {
      Files.createDirectories(s.networkDir);
      Files.createDirectories(s.sandboxDir);
      Files.createDirectories(s.overlayDir);
    } catch (IOException e) {
      throw new SystemException("cannot create network state directories: " + e.getMessage(), e);
    }
    for (Network n : readAll(s.networkDir, Network.class)) {
      s.networks.put(n.id(), n);
    }
    for (Network n : readAll(s.overlayDir, Network.class)) {
      s.overlays.put(n.id(), n);
    }
    for (Sandbox b : readAll(s.sandboxDir, Sandbox.class)) {
      s.sandboxes.put(b.containerId(), b);
    }
    return s;
  }

  public synchronized List<Network> networks() {
    return networks.values().stream().sorted(Comparator.comparing(n -> Instant.parse(n.created()))).toList();
  }

  /** A local or overlay network by its full ID. */
  public synchronized Optional<Network> network(String id) {
    Network n = networks.get(id);
    return Optional.ofNullable(n != null ? n : overlays.get(id));
  }

  /** The overlay networks this node knows (given by its session, or used by its containers). */
  public synchronized List<Network> overlays() {
    return List.copyOf(overlays.values());
  }

  /** An overlay network this node knows, by full ID, name or unique ID prefix. */
  public synchronized Optional<Network> findOverlay(String ref) {
    Network exact = overlays.get(ref);
    if (exact != null) {
      return Optional.of(exact);
    }
    Optional<Network> named = overlays.values().stream().filter(n -> n.name().equals(ref)).findFirst();
    if (named.isPresent() || ref.isEmpty()) {
      return named;
    }
    List<Network> prefixed = overlays.values().stream().filter(n -> n.id().startsWith(ref)).toList();
    return prefixed.size() == 1 ? Optional.of(prefixed.getFirst()) : Optional.empty();
  }

  public synchronized void putOverlay(Network n) {
    write(overlayDir.resolve(n.id() + ".json"), n);
    overlays.put(n.id(), n);
  }

  public synchronized void removeOverlay(String id) {
    delete(overlayDir.resolve(id + ".json"));
    overlays.remove(id);
  }

  public synchronized Optional<Network> byName(String name) {
    return networks.values().stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /**
   * Docker's lookup order: full id, then name, then a unique id prefix.
   *
   * @throws NotFoundException {@code network foo not found}, also when a prefix is ambiguous
   */
  public synchronized Network find(String ref) {
    Network exact = networks.get(ref);
    if (exact != null) {
      return exact;
    }
    Optional<Network> named = byName(ref);
    if (named.isPresent()) {
      return named.get();
    }
    List<Network> prefixed = ref.isEmpty()
        ? List.of()
        : networks.values().stream().filter(n -> n.id().startsWith(ref)).toList();
    if (prefixed.size() == 1) {
      return prefixed.getFirst();
    }
    if (prefixed.size() > 1) {
      throw new NotFoundException(
          "network " + ref + " is ambiguous (" + prefixed.size() + " matches found based on ID prefix)");
    }
    throw new NotFoundException("network " + ref + " not found");
  }

  public synchronized void put(Network n) {
    write(networkDir.resolve(n.id() + ".json"), n);
    networks.put(n.id(), n);
  }

  public synchronized void remove(Network n) {
    delete(networkDir.resolve(n.id() + ".json"));
    networks.remove(n.id());
  }

  public synchronized Collection<Sandbox> sandboxes() {
    return List.copyOf(sandboxes.values());
  }

  public synchronized Optional<Sandbox> sandbox(String containerId) {
    return Optional.ofNullable(sandboxes.get(containerId));
  }

  public synchronized void put(Sandbox b) {
    write(sandboxDir.resolve(b.containerId() + ".json"), b);
    sandboxes.put(b.containerId(), b);
  }

  public synchronized void remove(Sandbox b) {
    delete(sandboxDir.resolve(b.containerId() + ".json"));
    sandboxes.remove(b.containerId());
  }

  /** The sandboxes with an endpoint on the network. */
  public synchronized List<Sandbox> attachedTo(String networkId) {
    return sandboxes.values().stream().filter(b -> b.endpointOn(networkId).isPresent()).toList();
  }

  /** Addresses of the network taken by endpoints and auxiliary addresses. */
  public synchronized Set<Ipv4Address> usedAddresses(Network n) {
    Set<Ipv4Address> used = new HashSet<>(n.auxAddresses().values());
    for (Sandbox b : sandboxes.values()) {
      b.endpointOn(n.id()).map(Endpoint::ipv4).ifPresent(used::add);
    }
    used.remove(null);
    return used;
  }

  private static void write(Path file, Object value) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.write(tmp, JSON.writeValueAsBytes(value));
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new SystemException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new SystemException("cannot delete " + file + ": " + e.getMessage(), e);
    }
  }

  private static <T> List<T> readAll(Path dir, Class<T> type) {
    List<T> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        try {
          out.add(JSON.readValue(f.toFile(), type));
        } catch (IOException e) {
          log.warn("skipping unreadable network state file {}: {}", f, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new SystemException("cannot read " + dir + ": " + e.getMessage(), e);
    }
    return out;
  }
}
