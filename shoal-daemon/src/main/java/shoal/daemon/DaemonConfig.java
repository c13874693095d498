package shoal.daemon;

import java.nio.file.Path;
import java.util.List;

/**
 * How this daemon was started.
 *
 * @param dataRoot persistent state: images, containers, the cluster store (default /var/lib/shoal)
 * @param execRoot state that dies with the host: sockets, pid files, runc state (default /run/shoal)
 * @param hosts where the Engine API listens: unix:///PATH or tcp://ADDRESS:PORT
 * @param logLevel debug, info, warn or error
 * @param cgroupParent the cgroup under which containers get theirs ({@code <parent>/<id>}; default /shoal)
 */
public record DaemonConfig(Path dataRoot, Path execRoot, List<String> hosts, String logLevel, String cgroupParent) {
  public DaemonConfig {
    hosts = List.copyOf(hosts);
  }
}
