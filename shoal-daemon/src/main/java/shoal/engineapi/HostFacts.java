package shoal.engineapi;

/** Facts about this host and daemon that {@code /version} and {@code /info} report. */
public record HostFacts(
    String engineId,
    String hostname,
    String kernelVersion,
    String operatingSystem,
    String osVersion,
    long memTotal,
    String dataRoot,
    String cgroupVersion,
    String runcVersion,
    String javaVersion,
    boolean debug) {

  public int openFiles() {
    String[] fds = new java.io.File("/proc/self/fd").list();
    return fds == null ? 0 : fds.length;
  }
}
