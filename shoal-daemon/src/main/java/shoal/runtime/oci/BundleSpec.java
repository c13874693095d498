package shoal.runtime.oci;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything config.json says about one container.
 *
 * @param rootfs the mounted root filesystem (the overlay's merged directory)
 * @param netnsPath the network namespace to join; null shares the host's (host network mode)
 * @param cgroupsPath e.g. {@code /shoal/<id>}
 * @param binds files bind-mounted over the image's (/etc/hosts, /etc/hostname, /etc/resolv.conf)
 */
public record BundleSpec(
    ProcessSpec process,
    Path rootfs,
    boolean readonlyRootfs,
    String hostname,
    String domainname,
    Path netnsPath,
    String cgroupsPath,
    List<Bind> binds) {

  public BundleSpec {
    binds = List.copyOf(binds);
  }

  /** A bind mount of a host file or directory. */
  public record Bind(Path source, String destination, boolean readOnly) {}
}
