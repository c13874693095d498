package shoal.net.link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import shoal.errors.SystemException;

/**
 * Kernel settings of the daemon's own network namespace, written straight to /proc/sys (the
 * {@code net} subtree there belongs to the namespace of the process that opens it).
 */
public final class Sysctl {
  private final Path root;

  public Sysctl() {
    this(Path.of("/proc/sys"));
  }

  Sysctl(Path root) {
    this.root = root;
  }

  /** Sets {@code key} (dotted, e.g. net.ipv4.ip_forward) unless it already has that value. */
  public void ensure(String key, String value) {
    write(root.resolve(key.replace('.', '/')), key, value);
  }

  /** Sets a per-interface IPv4 setting, e.g. route_localnet of a bridge. */
  public void ensureInterface(String dev, String setting, String value) {
    write(root.resolve("net/ipv4/conf").resolve(dev).resolve(setting),
        "net.ipv4.conf." + dev + "." + setting, value);
  }

  private static void write(Path p, String key, String value) {
    try {
      if (Files.readString(p).strip().equals(value)) {
        return;
      }
      Files.writeString(p, value);
    } catch (IOException e) {
      throw new SystemException("cannot set " + key + "=" + value + ": " + e.getMessage(), e);
    }
  }
}
