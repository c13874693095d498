package shoal.runtime.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.errors.ConflictException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.net.ContainerAttachments;
import shoal.net.EndpointSpec;
import shoal.runtime.image.Image;
import shoal.runtime.image.ImageConfig;
import shoal.runtime.exec.ExecConfig;
import shoal.runtime.exec.ExecHost;
import shoal.runtime.exec.ExecTarget;
import shoal.runtime.image.ImageUsage;
import shoal.runtime.logs.JsonLogFile;
import shoal.runtime.logs.LogQuery;
import shoal.runtime.rootfs.Mounts;
import shoal.runtime.runc.Signals;

/**
 * The daemon's containers: what the Engine API's container routes, the network routes (connect,
 * disconnect) and the image store (which images are in use) ask of the container side.
 */
public final class ContainerService implements ContainerAttachments, ImageUsage, ExecHost {
  private static final Logger log = LoggerFactory.getLogger(ContainerService.class);

  private final RuntimePaths paths;
  private final RuntimeParts parts;
  private final ContainerStore store;
  private final Lifecycle lifecycle;
  private final ContainerNetworks networks;
  private final NameGenerator names = new NameGenerator(new SecureRandom());
  private final SecureRandom random = new SecureRandom();

  public ContainerService(RuntimePaths paths, RuntimeParts parts) {
    this.paths = paths;
    this.parts = parts;
    this.store = new ContainerStore(paths.dataRoot(), paths.execRoot());
    this.lifecycle = new Lifecycle(paths, parts, c -> removeQuietly(c));
    this.networks = new ContainerNetworks(store, parts.networking());
  }

  /**
   * Finds every container again (daemon start): running ones are attached again, those that
   * exited meanwhile get their real exit status; then restart policies start what they want
   * running, in the background.
   */
  public void recover() throws IOException {
    Files.createDirectories(paths.runcRoot());
    List<Container> all = store.load();
    Recovery recovery = new Recovery(lifecycle, paths, parts);
    Map<Container, Boolean> died = new HashMap<>();
    for (Container c : all) {
      try {
        died.put(c, recovery.recover(c));
      } catch (RuntimeException e) {
        log.error("container {}: recovery failed", c.record().shortId(), e);
      }
    }
    log.info("recovered {} containers ({} running)", all.size(), all.stream().filter(c -> c.process() != null).count());
    Thread.ofVirtual().name("restart-policies").start(() -> died.forEach(recovery::applyPolicyAfterRecovery));
  }

  // ------------------------------------------------------------------ create, remove, rename

  /**
   * Creates a container from what the user asked, merged with its image's defaults.
   *
   * @param name null or empty for a generated one
   */
  public ContainerRecord create(String name, ContainerConfig requested, HostSettings host,
      Map<String, EndpointSpec> networks) {
    if (host.autoRemove() && !host.restartPolicy().isNone()) {
      throw new InvalidArgumentException("conflicting options: cannot specify both --restart and --rm");
    }
    if (requested.image() == null || requested.image().isEmpty()) {
      throw new InvalidArgumentException("config cannot be empty in order to create a container");
    }
    String finalName = name == null || name.isEmpty() ? names.generate(store::nameTaken) : NameGenerator.validate(name);
    Image image = parts.images().resolve(requested.image());
    ContainerConfig merged = ConfigMerge.merge(requested, defaults(image.config()));
    if (!merged.stopSignal().isEmpty()) {
      Signals.parse(merged.stopSignal());
    }
    String id = newId();
    if (merged.hostname().isEmpty()) {
      merged = merged.withHostname(host.hostNetwork() ? hostHostname() : id.substring(0, 12));
    }
    ContainerRecord r = new ContainerRecord(id, finalName, parts.clock().instant(), image.id(), requested.image(),
        merged, host, networks, ContainerState.created(), Map.of(), List.of(), "", RestartBackoff.initial(), false);
    store.add(r);
    log.info("container {} created as /{} from {}", r.shortId(), finalName, requested.image());
    lifecycle.publish(r, "create", Map.of());
    return r;
  }

  private static ImageDefaults defaults(ImageConfig c) {
    return new ImageDefaults(c.env(), c.cmd().isEmpty() ? null : c.cmd(),
        c.entrypoint().isEmpty() ? null : c.entrypoint(), c.workingDir(), c.user(), c.labels(), c.exposedPorts(),
        c.stopSignal());
  }

  private String newId() {
    while (true) {
      byte[] b = new byte[32];
      random.nextBytes(b);
      String id = HexFormat.of().formatHex(b);
      // Docker avoids ids whose short form is all digits, which would read as a number.
      if (!id.substring(0, 12).chars().allMatch(Character::isDigit) && store.find(id).isEmpty()) {
        return id;
      }
    }
  }

  private static String hostHostname() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException e) {
      return "localhost";
    }
  }

  /** Removes a container; a running one only with {@code force} (killed first). */
  public void remove(String ref, boolean force, boolean volumes) {
    Container c = store.get(ref);
    c.operations.lock();
    try {
      removeLocked(c, force);
    } finally {
      c.operations.unlock();
    }
  }

  private void removeQuietly(Container c) {
    c.operations.lock();
    try {
      removeLocked(c, true);
    } catch (RuntimeException e) {
      log.warn("container {}: automatic removal failed: {}", c.record().shortId(), e.getMessage());
    } finally {
      c.operations.unlock();
    }
  }

  private void removeLocked(Container c, boolean force) {
    if (c.removed().isDone()) {
      return;
    }
    ContainerRecord r = c.record();
    boolean active = c.process() != null || r.state().status() == ContainerStatus.RESTARTING;
    if (active && !force) {
      throw new ConflictException("cannot remove container \"/" + r.name()
          + "\": container is running: stop the container before removing or force remove");
    }
    lifecycle.cancelRestart(c);
    ContainerProcess p = c.process();
    if (p != null) {
      c.requestExit();
      lifecycle.kill(c, r.name(), Signals.SIGKILL);
      p.exit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> -1).join();
    }
    lifecycle.releaseRun(c);
    Mounts.unmount(paths.merged(r.id()));
    ContainerStore.deleteTree(paths.overlay(r.id()));
    store.remove(c);
    log.info("container {} removed", r.shortId());
    lifecycle.publish(c.record(), "destroy", Map.of());
    c.removed().complete(c.record().state().exitCode());
  }

  public void rename(String ref, String newName) {
    Container c = store.get(ref);
    String n = NameGenerator.validate(newName);
    ContainerRecord r = c.record();
    if (n.equals(r.name())) {
      throw new InvalidArgumentException("Renaming a container with the same name as its current name");
    }
    store.claimName(n, r.id());
    c.update(x -> x.withName(n));
    store.releaseName(r.name(), r.id());
    lifecycle.publish(c.record(), "rename", Map.of("oldName", "/" + r.name()));
  }

  // ------------------------------------------------------------------ lifecycle

  public void start(String ref) {
    Container c = store.get(ref);
    c.operations.lock();
    try {
      lifecycle.start(c);
    } finally {
      c.operations.unlock();
    }
  }

  /** @param timeoutSeconds null for the container's own (StopTimeout, else 10 s); negative waits forever */
  public void stop(String ref, Integer timeoutSeconds) {
    Container c = store.get(ref);
    c.operations.lock();
    try {
      lifecycle.stop(c, timeoutSeconds);
    } finally {
      c.operations.unlock();
    }
  }

  public void restart(String ref, Integer timeoutSeconds) {
    Container c = store.get(ref);
    c.operations.lock();
    try {
      lifecycle.restart(c, timeoutSeconds);
    } finally {
      c.operations.unlock();
    }
  }

  /** @param signal a name or number; empty for SIGKILL */
  public void kill(String ref, String signal) {
    Container c = store.get(ref);
    lifecycle.kill(c, ref, signal == null || signal.isEmpty() ? Signals.SIGKILL : Signals.parse(signal));
  }

  public void pause(String ref) {
    Container c = store.get(ref);
    c.operations.lock();
    try {
      lifecycle.pause(c);
    } finally {
      c.operations.unlock();
    }
  }

  public void unpause(String ref) {
    Container c = store.get(ref);
    c.operations.lock();
    try {
      lifecycle.unpause(c);
    } finally {
      c.operations.unlock();
    }
  }

  /**
   * Completes with the exit code when {@code condition} is met: {@code not-running} (default:
   * now, if it is not running), {@code next-exit}, {@code removed}.
   */
  public CompletableFuture<Integer> waitFor(String ref, String condition) {
    Container c = store.get(ref);
    String cond = condition == null || condition.isEmpty() ? "not-running" : condition;
    return switch (cond) {
      case "not-running" -> {
        synchronized (c) {
          yield c.process() != null ? c.nextExit() : CompletableFuture.completedFuture(c.record().state().exitCode());
        }
      }
      case "next-exit" -> c.nextExit();
      case "removed" -> c.removed();
      default -> throw new InvalidArgumentException("invalid condition: \"" + cond + "\"");
    };
  }

  // ------------------------------------------------------------------ views

  public ContainerView inspect(String ref, boolean size) {
    return view(store.get(ref), size);
  }

  public List<ContainerView> list(ContainerQuery q) {
    ContainerFilter f = new ContainerFilter(q, r -> store.get(r).record(), this::imageIds);
    List<ContainerView> out = new ArrayList<>();
    for (Container c : store.all()) {
      if (f.accepts(c.record())) {
        out.add(view(c, q.size()));
        if (q.limit() > 0 && out.size() >= q.limit()) {
          break;
        }
      }
    }
    return out;
  }

  private Set<String> imageIds(String ref) {
    try {
      return Set.of(parts.images().resolve(ref).id());
    } catch (NotFoundException e) {
      return Set.of();
    }
  }

  private ContainerView view(Container c, boolean size) {
    ContainerRecord r = c.record();
    Path dir = c.dataDir();
    Long rw = null;
    Long rootFs = null;
    List<Path> lower = List.of();
    try {
      Image image = parts.images().resolve(r.imageId());
      lower = parts.images().lowerDirs(image);
      if (size) {
        rw = ContainerStore.treeSize(paths.upper(r.id()));
        rootFs = rw + image.size();
      }
    } catch (NotFoundException e) {
      // the image was removed by force: the container still shows
    }
    return new ContainerView(r, c.execIds(), c.logFile().path(), dir.resolve("resolv.conf"), dir.resolve("hostname"),
        dir.resolve("hosts"), paths.upper(r.id()), paths.work(r.id()), paths.merged(r.id()), lower, rw, rootFs);
  }

  /** Container counts for {@code /info}: total, running, paused, stopped. */
  public int[] counts() {
    int running = 0;
    int paused = 0;
    int total = 0;
    for (Container c : store.all()) {
      total++;
      ContainerStatus s = c.record().state().status();
      if (s == ContainerStatus.PAUSED) {
        paused++;
      } else if (s == ContainerStatus.RUNNING || s == ContainerStatus.RESTARTING) {
        running++;
      }
    }
    return new int[] {total, running, paused, total - running - paused};
  }

  // ------------------------------------------------------------------ I/O

  /** Streams the container's log as {@code q} selects; follows while it runs if asked. */
  public void logs(String ref, LogQuery q, JsonLogFile.Sink sink, BooleanSupplier stop) throws IOException {
    Container c = store.get(ref);
    c.logFile().read(q, sink, stop);
  }

  /** Attaches a client: its view of the live output, and its way to the container's stdin. */
  public Attachment attach(String ref, boolean withStdin) {
    Container c = store.get(ref);
    ContainerRecord r = c.record();
    boolean stdin = withStdin && r.config().openStdin() && (!r.config().stdinOnce() || c.claimStdin());
    Attachment a = new Attachment(c, r.config().tty(), stdin);
    lifecycle.publish(r, "attach", Map.of());
    return a;
  }

  public void resize(String ref, int height, int width) throws IOException {
    Container c = store.get(ref);
    ContainerProcess p = c.process();
    if (p == null) {
      throw new ConflictException("Container " + c.id() + " is not running");
    }
    p.resize(height, width);
    lifecycle.publish(c.record(), "resize", Map.of("height", Integer.toString(height), "width", Integer.toString(width)));
  }

  public ProcessTable.Top top(String ref, String psArgs) {
    Container c = store.get(ref);
    if (c.process() == null) {
      throw new ConflictException("Container " + c.id() + " is not running");
    }
    return ProcessTable.of(new HashSet<>(parts.runc().pids(c.id())), psArgs);
  }

  /** A running container, for exec; 409 in Docker's words otherwise. */
  public Container running(String ref) {
    Container c = store.get(ref);
    ContainerStatus s = c.record().state().status();
    if (s == ContainerStatus.PAUSED) {
      throw new ConflictException("Container " + c.id() + " is paused, unpause the container before exec");
    }
    if (c.process() == null) {
      throw new ConflictException("Container " + c.id() + " is not running");
    }
    return c;
  }

  // ------------------------------------------------------------------ exec

  @Override
  public ExecTarget target(String containerRef, ExecConfig config) {
    return ExecTargets.resolve(running(containerRef), paths, config);
  }

  @Override
  public void execAdded(String containerId, String execId) {
    store.find(containerId).ifPresent(c -> c.addExec(execId));
  }

  @Override
  public void execRemoved(String containerId, String execId) {
    store.find(containerId).ifPresent(c -> c.removeExec(execId));
  }

  // ------------------------------------------------------------------ networks and images

  @Override
  public void connect(String containerRef, String network, EndpointSpec spec) {
    networks.connect(containerRef, network, spec);
  }

  @Override
  public void disconnect(String containerRef, String network, boolean force) {
    networks.disconnect(containerRef, network, force);
  }

  @Override
  public List<String> containersUsing(String imageId) {
    return store.all().stream().filter(c -> c.record().imageId().equals(imageId)).map(Container::id).toList();
  }

  @Override
  public List<String> runningContainersUsing(String imageId) {
    return store.all().stream()
        .filter(c -> c.record().imageId().equals(imageId) && c.process() != null)
        .map(Container::id)
        .toList();
  }
}
