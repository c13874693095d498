package shoal.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import shoal.runtime.logs.JsonLogFile;
import shoal.runtime.logs.LogQuery;

/**
 * What the executor needs of the node's container runtime. Containers of tasks are found again
 * by their labels ({@link SwarmLabels}), so the executor keeps no state of its own on disk.
 */
public interface TaskRuntime {
  /** A container that carries a task's labels. */
  record TaskContainer(String id, String taskId, State state, int exitCode, long pid) {}

  /** Where a container stands, as far as a task cares. */
  enum State {
    /** Made, never started. */
    CREATED,
    /** Its process runs (or is paused). */
    RUNNING,
    /** It ran and exited (or is being removed). */
    EXITED
  }

  /** Every container on this node that belongs to a task. */
  List<TaskContainer> taskContainers();

  /**
   * Creates the task's container (not started): its name, Docker's swarm labels, its spec.
   *
   * @return the container's ID
   * @throws shoal.errors.NotFoundException when the image is not on the node ("No such image: …")
   */
  String create(Assignment task);

  /** Starts a created container; returns its process ID. */
  long start(String containerId);

  /** Completes with the exit code once the container does not run (at once if it does not now). */
  CompletableFuture<Integer> exit(String containerId);

  /**
   * Stops a running container: its stop signal, then a kill after {@code grace} (null: the
   * container's own stop timeout).
   */
  void stop(String containerId, Duration grace);

  /** Removes the container (killed first if it still runs); nothing if it is gone already. */
  void remove(String containerId);

  /** The container's log, as `docker logs` selects it. */
  void logs(String containerId, LogQuery q, JsonLogFile.Sink sink, BooleanSupplier stop) throws IOException;
}
