package shoal.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import shoal.common.Commands;

/**
 * A lab: N virtual hosts h1…hN on a private LAN, each with its own shoald — a real cluster of real
 * daemons on one machine. Everything it makes is named {@code shoal-<lab>-…} and recorded in its
 * state directory first, so {@link #down} removes it all even after a crash or a kill -9.
 */
public final class Lab {
  public static final String DEFAULT_NAME = "lab";
  public static final String DEFAULT_SUBNET = "192.168.77.0/24";
  public static final int DEFAULT_NODES = 3;
  /** The first host takes this offset in the subnet (.11 in a /24), as the seed article's hosts do. */
  private static final int FIRST_HOST_OFFSET = 11;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,19}");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final LabLayout layout;
  private final Path stateDir;
  private final Map<String, LabHost> hosts = new LinkedHashMap<>();

  private Lab(LabLayout layout, Path stateDir) {
    this.layout = layout;
    this.stateDir = stateDir;
    for (LabLayout.HostEntry h : layout.hosts()) {
      Path dir = stateDir.resolve(h.name());
      VirtualHost vh = VirtualHost.attach(h.netns(), h.name(), dir).orElse(null);
      hosts.put(h.name(), new LabHost(h, vh, dir, daemonCommand(layout, h)));
    }
  }

  /** Where labs keep their state: {@code $SHOAL_LAB_ROOT}, else /var/lib/shoal-lab. */
  public static Path root() {
    String env = System.getenv("SHOAL_LAB_ROOT");
    return Path.of(env == null || env.isBlank() ? "/var/lib/shoal-lab" : env);
  }

  /**
   * Brings a lab up; leftovers of a lab of the same name are removed first. On failure everything
   * made so far is removed again.
   *
   * @param daemonCommand how to run shoald (the lab appends host-specific options)
   * @param owner PID bounding the lab's life (a test JVM), or 0
   */
  public static Lab up(String name, int nodes, String subnet, List<String> daemonCommand, long owner)
      throws IOException {
    validateName(name);
    Ipv4Subnet net = Ipv4Subnet.parse(subnet);
    if (nodes < 1 || nodes > net.capacityFrom(FIRST_HOST_OFFSET)) {
      throw new IllegalArgumentException(
          "cannot fit " + nodes + " hosts in " + subnet + " from ." + FIRST_HOST_OFFSET + " on");
    }
    down(name);
    Path dir = root().resolve(name);
    Files.createDirectories(dir);
    List<LabLayout.HostEntry> entries = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      entries.add(new LabLayout.HostEntry(
          "h" + i, net.address(FIRST_HOST_OFFSET + i - 1), prefix(name) + "h" + i));
    }
    LabLayout layout = new LabLayout(name, net.cidr(), prefix(name) + "lan", entries, daemonCommand, owner);
    // Recorded before anything is made: a crash from here on is cleaned by the next down or up.
    Files.writeString(dir.resolve("lab.json"), JSON.writeValueAsString(layout));
    try {
      LabLan lan = new LabLan(layout.lanNetns());
      lan.create();
      for (LabLayout.HostEntry h : entries) {
        Path hostDir = dir.resolve(h.name());
        Files.createDirectories(hostDir);
        VirtualHost.create(h.netns(), h.name(), hostDir);
        lan.plug(h.name(), h.netns(), h.address(), net.prefixLength());
      }
      Lab lab = new Lab(layout, dir);
      lab.startDaemons();
      return lab;
    } catch (IOException | RuntimeException e) {
      try {
        down(name);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /** Starts every host's daemon at once and waits until all answer. */
  private void startDaemons() throws IOException {
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> started = new ArrayList<>();
      for (LabHost h : hosts.values()) {
        started.add(pool.submit(() -> {
          h.daemon().start();
          return null;
        }));
      }
      for (Future<?> f : started) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof IOException io) {
            throw io;
          }
          throw c instanceof RuntimeException re ? re : new IllegalStateException(c);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while starting daemons", e);
        }
      }
    }
  }

  /** Opens a lab made earlier, by this or another process. */
  public static Optional<Lab> open(String name) throws IOException {
    Path dir = root().resolve(name);
    Path file = dir.resolve("lab.json");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(new Lab(JSON.readValue(file.toFile(), LabLayout.class), dir));
  }

  /** The names of the labs that have state on this machine. */
  public static List<String> names() throws IOException {
    if (!Files.isDirectory(root())) {
      return List.of();
    }
    try (var dirs = Files.list(root())) {
      return dirs.filter(d -> Files.exists(d.resolve("lab.json")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  /**
   * Removes everything of the lab {@code name}: every host (init, daemon, containers — the whole
   * PID namespace), every namespace named for it, its state. Idempotent; works whatever state the
   * lab is in, also when its processes were killed with -9.
   */
  public static void down(String name) throws IOException {
    validateName(name);
    Path dir = root().resolve(name);
    String prefix = prefix(name);
    Path netnsDir = Path.of("/run/netns");
    // Hosts first (their inits hold the LAN veths' other ends), found by name in case lab.json is gone.
    if (Files.isDirectory(netnsDir)) {
      try (var all = Files.list(netnsDir)) {
        for (Path ns : all.toList()) {
          String n = ns.getFileName().toString();
          if (n.startsWith(prefix) && !n.equals(prefix + "lan")) {
            DaemonHost.removeQuietly(n, dir.resolve(n.substring(prefix.length())));
          }
        }
      }
    }
    if (Files.isDirectory(dir)) {
      // Hosts whose namespace file is gone may still have an init (a crash between steps).
      try (var sub = Files.list(dir)) {
        for (Path d : sub.filter(Files::isDirectory).toList()) {
          DaemonHost.removeQuietly(prefix + d.getFileName(), d);
        }
      }
    }
    new LabLan(prefix + "lan").remove();
    if (Files.exists(dir)) {
      Commands.check("rm", "-rf", "--one-file-system", dir.toString());
    }
  }

  /** Removes labs whose owning process (a test JVM) is gone. */
  public static void removeOrphans() throws IOException {
    for (String n : names()) {
      try {
        Optional<Lab> lab = open(n);
        long owner = lab.map(l -> l.layout.owner()).orElse(0L);
        if (owner != 0 && !ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
          down(n);
        }
      } catch (IOException | RuntimeException e) {
        // A lab we cannot read is left for `shoal lab down`.
      }
    }
  }

  private static String prefix(String name) {
    return "shoal-" + name + "-";
  }

  private static void validateName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid lab name " + name + ": use 1-20 lower-case letters, digits and '-', starting with a letter or digit");
    }
  }

  private static List<String> daemonCommand(LabLayout layout, LabLayout.HostEntry h) {
    return new ArrayList<>(layout.daemonCommand());
  }

  public String name() {
    return layout.name();
  }

  public String subnet() {
    return layout.subnet();
  }

  public Path stateDir() {
    return stateDir;
  }

  public List<LabHost> hosts() {
    return List.copyOf(hosts.values());
  }

  /** The host named {@code hostName} (h1, h2…). */
  public LabHost host(String hostName) {
    layout.host(hostName);
    return hosts.get(hostName);
  }

  /** The host loses (false) or regains (true) the LAN. */
  public void setConnected(String hostName, boolean connected) {
    host(hostName);
    new LabLan(layout.lanNetns()).setLink(hostName, connected);
  }

  /** Random loss of {@code percent} % of the host's frames, both ways; 0 ends it. */
  public void setLoss(String hostName, int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("loss must be 0..100 %, not " + percent);
    }
    host(hostName);
    new LabLan(layout.lanNetns()).setLoss(hostName, percent);
  }
}
