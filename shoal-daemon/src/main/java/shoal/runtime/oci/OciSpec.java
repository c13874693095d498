package shoal.runtime.oci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds runc's config.json (OCI runtime spec 1.0.2) and the process.json of an exec. */
public final class OciSpec {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String VERSION = "1.0.2-dev";

  private OciSpec() {}

  public static ObjectNode config(BundleSpec b) {
    ObjectNode c = JSON.createObjectNode();
    c.put("ociVersion", VERSION);
    c.set("process", process(b.process()));
    ObjectNode root = c.putObject("root");
    root.put("path", b.rootfs().toString());
    root.put("readonly", b.readonlyRootfs());
    c.put("hostname", b.hostname());
    if (b.domainname() != null && !b.domainname().isEmpty()) {
      c.put("domainname", b.domainname());
    }
    ArrayNode mounts = c.putArray("mounts");
    mount(mounts, "/proc", "proc", "proc", "nosuid", "noexec", "nodev");
    mount(mounts, "/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k");
    mount(mounts, "/dev/pts", "devpts", "devpts", "nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5");
    mount(mounts, "/sys", "sysfs", "sysfs", "nosuid", "noexec", "nodev", "ro");
    mount(mounts, "/sys/fs/cgroup", "cgroup", "cgroup", "ro", "nosuid", "noexec", "nodev");
    mount(mounts, "/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev");
    mount(mounts, "/dev/shm", "tmpfs", "shm", "nosuid", "noexec", "nodev", "mode=1777", "size=67108864");
    for (BundleSpec.Bind bind : b.binds()) {
      ObjectNode m = mounts.addObject();
      m.put("destination", bind.destination());
      m.put("type", "bind");
      m.put("source", bind.source().toString());
      ArrayNode o = m.putArray("options").add("rbind").add("rprivate");
      if (bind.readOnly()) {
        o.add("ro");
      }
    }
    ObjectNode linux = c.putObject("linux");
    linux.put("cgroupsPath", b.cgroupsPath());
    ObjectNode resources = linux.putObject("resources");
    ArrayNode devices = resources.putArray("devices");
    devices.addObject().put("allow", false).put("access", "rwm");
    for (DockerDefaults.DeviceRule d : DockerDefaults.DEVICES) {
      ObjectNode r = devices.addObject().put("allow", true).put("type", d.type());
      if (d.major() >= 0) {
        r.put("major", d.major());
      }
      if (d.minor() >= 0) {
        r.put("minor", d.minor());
      }
      r.put("access", d.access());
    }
    ArrayNode ns = linux.putArray("namespaces");
    for (String t : List.of("mount", "pid", "ipc", "uts")) {
      ns.addObject().put("type", t);
    }
    if (b.netnsPath() != null) {
      ns.addObject().put("type", "network").put("path", b.netnsPath().toString());
    }
    ArrayNode masked = linux.putArray("maskedPaths");
    DockerDefaults.MASKED_PATHS.forEach(masked::add);
    ArrayNode ro = linux.putArray("readonlyPaths");
    DockerDefaults.READONLY_PATHS.forEach(ro::add);
    return c;
  }

  /** The process part of config.json; also the whole of an exec's process.json. */
  public static ObjectNode process(ProcessSpec p) {
    ObjectNode n = JSON.createObjectNode();
    n.put("terminal", p.terminal());
    if (p.terminal() && p.consoleHeight() > 0 && p.consoleWidth() > 0) {
      ObjectNode size = n.putObject("consoleSize");
      size.put("height", p.consoleHeight());
      size.put("width", p.consoleWidth());
    }
    ObjectNode user = n.putObject("user");
    user.put("uid", p.uid());
    user.put("gid", p.gid());
    if (!p.additionalGids().isEmpty()) {
      ArrayNode g = user.putArray("additionalGids");
      p.additionalGids().forEach(g::add);
    }
    ArrayNode args = n.putArray("args");
    p.args().forEach(args::add);
    ArrayNode env = n.putArray("env");
    p.env().forEach(env::add);
    n.put("cwd", p.cwd());
    ObjectNode caps = n.putObject("capabilities");
    for (String set : List.of("bounding", "effective", "permitted")) {
      ArrayNode a = caps.putArray(set);
      p.capabilities().forEach(a::add);
    }
    // No rlimits: the container inherits the daemon's, which its service manager sets.
    n.put("noNewPrivileges", false);
    n.put("oomScoreAdj", 0);
    return n;
  }

  private static void mount(ArrayNode mounts, String dest, String type, String source, String... options) {
    ObjectNode m = mounts.addObject();
    m.put("destination", dest);
    m.put("type", type);
    m.put("source", source);
    ArrayNode o = m.putArray("options");
    for (String opt : options) {
      o.add(opt);
    }
  }

  public static byte[] toBytes(ObjectNode n) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
