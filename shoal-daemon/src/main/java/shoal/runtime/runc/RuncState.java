package shoal.runtime.runc;

/**
 * What {@code runc state} reports about a container.
 *
 * @param status created, running, paused or stopped
 * @param pid the container's init as this host's PID namespace sees it
 */
public record RuncState(String status, long pid) {
  public boolean paused() {
    return "paused".equals(status);
  }
}
