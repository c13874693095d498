package shoal.runtime.container;

import java.time.Instant;

/**
 * A container's State as inspect shows it.
 *
 * @param pid the init's PID in the daemon's PID namespace, 0 when not running
 * @param startedAt null before the first start
 * @param finishedAt null before the first exit
 */
public record ContainerState(
    ContainerStatus status,
    long pid,
    int exitCode,
    String error,
    Instant startedAt,
    Instant finishedAt,
    boolean oomKilled) {

  public static ContainerState created() {
    return new ContainerState(ContainerStatus.CREATED, 0, 0, "", null, null, false);
  }

  public ContainerState running(long newPid, Instant at) {
    return new ContainerState(ContainerStatus.RUNNING, newPid, 0, "", at, finishedAt, false);
  }

  public ContainerState exited(int code, Instant at) {
    return new ContainerState(ContainerStatus.EXITED, 0, code, error, startedAt, at, false);
  }

  public ContainerState withStatus(ContainerStatus s) {
    return new ContainerState(s, pid, exitCode, error, startedAt, finishedAt, oomKilled);
  }

  /** A start that failed: the status stays, the code and message are kept for inspect. */
  public ContainerState failed(int code, String message) {
    return new ContainerState(status, 0, code, message, startedAt, finishedAt, false);
  }
}
