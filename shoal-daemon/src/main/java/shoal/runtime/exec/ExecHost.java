package shoal.runtime.exec;

/** What exec needs of the container side (implemented by the container service). */
public interface ExecHost {
  /**
   * Resolves the process an exec runs in a running container.
   *
   * @throws shoal.errors.NotFoundException no such container
   * @throws shoal.errors.ConflictException the container is not running, or is paused
   */
  ExecTarget target(String containerRef, ExecConfig config);

  /** Lists an exec in the container's {@code ExecIDs}. */
  void execAdded(String containerId, String execId);

  void execRemoved(String containerId, String execId);
}
