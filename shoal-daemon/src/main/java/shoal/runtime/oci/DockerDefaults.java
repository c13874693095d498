package shoal.runtime.oci;

import java.util.List;

/** What Docker gives every unprivileged container, so that images behave as they do under Docker. */
public final class DockerDefaults {
  private DockerDefaults() {}

  public static final List<String> CAPABILITIES =
      List.of(
          "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW",
          "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
          "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");

  public static final List<String> MASKED_PATHS =
      List.of(
          "/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
          "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
          "/sys/firmware", "/sys/devices/virtual/powercap");

  public static final List<String> READONLY_PATHS =
      List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

  /** Device cgroup rules: type, major, minor (-1 = any), access. Everything else is denied. */
  record DeviceRule(String type, long major, long minor, String access) {}

  static final List<DeviceRule> DEVICES =
      List.of(
          new DeviceRule("c", -1, -1, "m"),
          new DeviceRule("b", -1, -1, "m"),
          new DeviceRule("c", 1, 3, "rwm"),
          new DeviceRule("c", 1, 8, "rwm"),
          new DeviceRule("c", 1, 7, "rwm"),
          new DeviceRule("c", 5, 0, "rwm"),
          new DeviceRule("c", 1, 5, "rwm"),
          new DeviceRule("c", 1, 9, "rwm"),
          new DeviceRule("c", 136, -1, "rwm"),
          new DeviceRule("c", 5, 2, "rwm"),
          new DeviceRule("c", 10, 200, "rwm"));

  /** Docker's default PATH when neither the image nor the user sets one. */
  public static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
}
