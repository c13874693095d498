package shoal.lab;

import java.nio.file.Path;
import java.util.List;

/** One host of a lab: its place on the LAN, its namespaces and its daemon. */
public final class LabHost {
  private final LabLayout.HostEntry entry;
  private final VirtualHost host;
  private final Path stateDir;
  private final DaemonHost daemon;

  LabHost(LabLayout.HostEntry entry, VirtualHost host, Path stateDir, List<String> daemonCommand) {
    this.entry = entry;
    this.host = host;
    this.stateDir = stateDir;
    this.daemon = host == null ? null : new DaemonHost(host, daemonCommand);
  }

  /** h1, h2… */
  public String name() {
    return entry.name();
  }

  /** Its address on the lab's LAN. */
  public String address() {
    return entry.address();
  }

  public Path stateDir() {
    return stateDir;
  }

  /** False when the host's init is gone (its processes were killed); the lab must be brought up again. */
  public boolean alive() {
    return host != null && host.alive();
  }

  public VirtualHost host() {
    if (host == null) {
      throw new IllegalStateException("host " + name() + " is down (its init is gone); run `shoal lab up` again");
    }
    return host;
  }

  public DaemonHost daemon() {
    host();
    return daemon;
  }
}
