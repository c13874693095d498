package shoal.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import shoal.engineapi.HostFacts;

/** Reads what {@link HostFacts} reports from /proc, /etc and the data root, once at start. */
final class HostFactsReader {
  private HostFactsReader() {}

  static HostFacts read(DaemonConfig cfg, String runcVersion) throws IOException {
    return new HostFacts(
        engineId(cfg.dataRoot()),
        hostname(),
        firstLine(Path.of("/proc/sys/kernel/osrelease"), "unknown"),
        osRelease("PRETTY_NAME", "Linux"),
        osRelease("VERSION_ID", ""),
        memTotal(),
        cfg.dataRoot().toString(),
        Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? "2" : "1",
        runcVersion,
        "java " + Runtime.version(),
        cfg.logLevel().equalsIgnoreCase("debug"));
  }

  /** The engine's identity survives restarts: it is made once and kept in the data root. */
  private static String engineId(Path dataRoot) throws IOException {
    Path f = dataRoot.resolve("engine-id");
    if (Files.exists(f)) {
      return Files.readString(f).trim();
    }
    String id = UUID.randomUUID().toString();
    Files.writeString(f, id + "\n");
    return id;
  }

  static String hostname() {
    return firstLine(Path.of("/proc/sys/kernel/hostname"), "localhost");
  }

  private static String firstLine(Path p, String fallback) {
    try {
      return Files.readAllLines(p).stream().findFirst().orElse(fallback).trim();
    } catch (IOException e) {
      return fallback;
    }
  }

  private static String osRelease(String key, String fallback) {
    try {
      for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
        if (line.startsWith(key + "=")) {
          return line.substring(key.length() + 1).replace("\"", "");
        }
      }
    } catch (IOException ignored) {
      // Not every system has it; the fallback is fine for /info.
    }
    return fallback;
  }

  private static long memTotal() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException ignored) {
      // /info shows 0 then.
    }
    return 0;
  }
}
