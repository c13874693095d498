package shoal.runtime.container;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import shoal.errors.InvalidArgumentException;
import shoal.runtime.oci.DockerDefaults;
import shoal.runtime.oci.ProcessSpec;

/** Turns a container's merged config into the exact process runc starts, as Docker does at start. */
public final class ProcessResolver {
  private ProcessResolver() {}

  /**
   * @param user resolved from the image's files ({@link UserResolver})
   * @param hostname the container's hostname, for HOSTNAME
   */
  public static ProcessSpec init(ContainerConfig c, HostSettings host, UserResolver.ExecUser user, String hostname) {
    List<String> args = ConfigMerge.commandLine(c);
    if (args.isEmpty()) {
      throw new InvalidArgumentException("No command specified");
    }
    List<String> env = environment(c.env(), hostname, c.tty(), user.home());
    String cwd = c.workingDir().isEmpty() ? "/" : c.workingDir();
    return new ProcessSpec(args, env, cwd, user.uid(), user.gid(), user.additionalGids(), c.tty(),
        capabilities(host.capAdd(), host.capDrop()))
        .withConsoleSize(host.consoleSize().get(0), host.consoleSize().get(1));
  }

  /** PATH and HOSTNAME (and TERM with a terminal) under the container's own variables, then HOME if unset. */
  public static List<String> environment(List<String> configEnv, String hostname, boolean tty, String home) {
    List<String> base = new ArrayList<>(List.of("PATH=" + DockerDefaults.PATH, "HOSTNAME=" + hostname));
    if (tty) {
      base.add("TERM=xterm");
    }
    List<String> env = ConfigMerge.replaceOrAppend(base, configEnv);
    if (env.stream().noneMatch(e -> ConfigMerge.key(e).equals("HOME"))) {
      env.add("HOME=" + home);
    }
    return env;
  }

  /** Docker's default set with {@code --cap-add} and {@code --cap-drop} applied ({@code ALL} allowed). */
  public static List<String> capabilities(List<String> add, List<String> drop) {
    Set<String> caps = new LinkedHashSet<>(DockerDefaults.CAPABILITIES);
    List<String> dropN = drop == null ? List.of() : drop.stream().map(ProcessResolver::capName).toList();
    List<String> addN = add == null ? List.of() : add.stream().map(ProcessResolver::capName).toList();
    if (dropN.contains("CAP_ALL")) {
      caps.clear();
    } else {
      dropN.forEach(caps::remove);
    }
    if (addN.contains("CAP_ALL")) {
      caps.addAll(ALL_CAPS);
    } else {
      caps.addAll(addN);
    }
    return List.copyOf(caps);
  }

  private static String capName(String raw) {
    String s = raw.strip().toUpperCase(Locale.ROOT);
    s = s.startsWith("CAP_") ? s : "CAP_" + s;
    if (!s.equals("CAP_ALL") && !ALL_CAPS.contains(s)) {
      throw new InvalidArgumentException("unknown capability: \"" + raw + "\"");
    }
    return s;
  }

  private static final List<String> ALL_CAPS = List.of(
      "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
      "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
      "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
      "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
      "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
      "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG",
      "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE");
}
