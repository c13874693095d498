package shoal.runtime.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import shoal.errors.InvalidArgumentException;
import shoal.errors.SystemException;
import shoal.net.PortBinding;
import shoal.net.SandboxInfo;
import shoal.net.SandboxSpec;
import shoal.runtime.oci.BundleSpec;
import shoal.runtime.oci.OciSpec;
import shoal.runtime.oci.ProcessSpec;
import shoal.runtime.rootfs.Mounts;

/**
 * Prepares everything one start of a container needs, in order, each step undone if a later one
 * fails: the overlay root, the resolved process, the network sandbox, the /etc files, config.json.
 */
final class Bundle {
  /** What a prepared start hands to the process launcher. */
  record Prepared(ProcessSpec process, SandboxInfo sandbox) {}

  private final RuntimePaths paths;
  private final RuntimeParts parts;

  Bundle(RuntimePaths paths, RuntimeParts parts) {
    this.paths = paths;
    this.parts = parts;
  }

  Prepared prepare(Container c, Undo undo) throws IOException {
    ContainerRecord r = c.record();
    String id = r.id();
    Path merged = paths.merged(id);
    Mounts.mountOverlay(parts.images().lowerDirs(parts.images().resolve(r.imageId())),
        paths.upper(id), paths.work(id), merged);
    undo.add(() -> Mounts.unmount(merged));

    UserResolver.ExecUser user = UserResolver.resolve(
        r.config().user(), readOptional(merged.resolve("etc/passwd")), readOptional(merged.resolve("etc/group")));
    String hostname = r.config().hostname();
    ProcessSpec process = ProcessResolver.init(r.config(), r.host(), user, hostname);
    ensureWorkingDir(merged, process.cwd(), user);

    SandboxInfo sandbox = parts.networking().setUp(new SandboxSpec(
        id, r.name(), hostname, r.host().networkMode(), r.networks(), publishedPorts(r)));
    undo.add(() -> parts.networking().tearDown(id));

    Path data = c.dataDir();
    boolean hostNet = sandbox.netnsPath() == null;
    EtcFiles.write(data.resolve("hostname"), hostname + "\n");
    EtcFiles.write(data.resolve("hosts"), EtcFiles.hosts(hostNet, readOptional(Path.of("/etc/hosts")),
        r.host().extraHosts(), sandbox.endpoints().values(), hostname, r.config().domainname()));
    EtcFiles.write(data.resolve("resolv.conf"), EtcFiles.resolvConf(hostNet, readOptional(Path.of("/etc/resolv.conf")),
        r.host().dns(), r.host().dnsSearch(), r.host().dnsOptions()));

    RunDir run = c.runDir();
    ContainerStore.deleteTree(run.dir());
    Files.createDirectories(run.dir());
    undo.add(() -> ContainerStore.deleteTree(run.dir()));
    BundleSpec spec = new BundleSpec(process, merged, r.host().readonlyRootfs(), hostname, r.config().domainname(),
        sandbox.netnsPath(), paths.cgroupParent() + "/" + id,
        List.of(
            new BundleSpec.Bind(data.resolve("resolv.conf"), "/etc/resolv.conf", false),
            new BundleSpec.Bind(data.resolve("hostname"), "/etc/hostname", false),
            new BundleSpec.Bind(data.resolve("hosts"), "/etc/hosts", false)));
    Files.write(run.config(), OciSpec.toBytes(OciSpec.config(spec)));
    return new Prepared(process, sandbox);
  }

  /** Ports to publish: {@code -p} bindings, and with {@code -P} every exposed port on a free host port. */
  static List<PortBinding> publishedPorts(ContainerRecord r) {
    List<PortBinding> out = new ArrayList<>(r.host().portBindings());
    if (r.host().publishAllPorts()) {
      for (String exposed : r.config().exposedPorts()) {
        String[] pp = exposed.split("/");
        int port = Integer.parseInt(pp[0]);
        String proto = pp.length > 1 ? pp[1] : "tcp";
        if (out.stream().noneMatch(b -> b.containerPort() == port && b.protocol().equals(proto))) {
          out.add(new PortBinding(proto, port, "", 0));
        }
      }
    }
    return out;
  }

  /** Docker creates a missing working directory, owned by the container's user. */
  private static void ensureWorkingDir(Path rootfs, String cwd, UserResolver.ExecUser user) {
    Path dir = rootfs.resolve(cwd.substring(1)).normalize();
    if (!dir.startsWith(rootfs)) {
      throw new InvalidArgumentException("the working directory '" + cwd + "' is invalid");
    }
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      Path p = rootfs;
      for (Path part : rootfs.relativize(dir)) {
        p = p.resolve(part);
        if (Files.isSymbolicLink(p)) {
          // Never follow the image's links on the host; runc resolves them inside the container.
          return;
        }
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectory(p);
          Files.setAttribute(p, "unix:uid", user.uid());
          Files.setAttribute(p, "unix:gid", user.gid());
        }
      }
    } catch (IOException e) {
      throw new SystemException("cannot create the working directory " + cwd + ": " + e.getMessage(), e);
    }
  }

  static String readOptional(Path p) {
    try {
      return Files.isRegularFile(p) ? Files.readString(p) : null;
    } catch (IOException e) {
      return null;
    }
  }
}
