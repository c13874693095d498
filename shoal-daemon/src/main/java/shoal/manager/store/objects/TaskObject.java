package shoal.manager.store.objects;

import java.time.Instant;
import java.util.List;

/**
 * A task: one run of a service's slot (replicated) or of the service on one node (global). The
 * orchestrator makes tasks, the scheduler sets their node, the node's agent runs them and reports
 * their status; a task that ended is never restarted, a new task replaces it in the same slot.
 *
 * <pre>{@code
 * TaskObject t = TaskObject.newTask(Ids.newId(), service, 2, "", now);  // web.2, pending, no node
 * tx.tasks().create(t);
 * // the scheduler, later:
 * tx.tasks().update(t.withNodeId(nodeId)
 *     .withStatus(t.status().next(ASSIGNED, "scheduler assigned task to node", now)));
 * }</pre>
 *
 * @param serviceId the service the task belongs to
 * @param serviceName the service's name when the task was made (names the task and its container)
 * @param slot the replica number, 1..replicas; 0 for a task of a global service
 * @param nodeId the node that runs it: set by the scheduler (replicated), or when made (global);
 *     empty while unplaced
 * @param spec the task's own copy of its service's task template
 * @param specVersion the service's {@code meta.version} when the task was made
 * @param desiredState what the orchestrator wants: RUNNING (run it), READY (get ready but do not
 *     start: a restart delay is running), SHUTDOWN (stop it, keep it as history), REMOVE (stop
 *     it; the reaper then deletes it: scaled down or service removed)
 * @param status what the node (or, before it reached a node, the manager) last said of it
 * @param networks the task's addresses on the swarm networks it attaches to (issue 6)
 */
public record TaskObject(
    String id, Meta meta, String serviceId, String serviceName, long slot, String nodeId,
    TaskTemplate spec, long specVersion, TaskState desiredState, Status status,
    List<NetworkAttachment> networks)
    implements StoreObject {
  public TaskObject {
    meta = Meta.orNone(meta);
    serviceId = serviceId == null ? "" : serviceId;
    serviceName = serviceName == null ? "" : serviceName;
    nodeId = nodeId == null ? "" : nodeId;
    spec = spec == null ? TaskTemplate.of(null) : spec;
    desiredState = desiredState == null ? TaskState.NEW : desiredState;
    status = status == null ? Status.of(TaskState.NEW, "", Instant.EPOCH) : status;
    networks = Labels.copy(networks);
  }

  /**
   * A new task of a service, not yet stored: desired RUNNING, status NEW (the allocator gives it
   * its network addresses, then makes it PENDING for the scheduler), the service's task template
   * copied.
   *
   * @param slot the replica number (replicated), or 0 (global)
   * @param nodeId the node (global), or empty (the scheduler picks one)
   */
  public static TaskObject newTask(
      String id, ServiceObject service, long slot, String nodeId, Instant now) {
    return new TaskObject(id, null, service.id(), service.spec().name(), slot, nodeId,
        service.spec().taskTemplate(), service.meta().version(), TaskState.RUNNING,
        Status.of(TaskState.NEW, "created", now), null);
  }

  /** Docker's task name: {@code <service>.<slot>}, or {@code <service>.<node ID>} (global). */
  public String name() {
    return serviceName + "." + (slot > 0 ? Long.toString(slot) : nodeId);
  }

  /** The name of the task's container on its node: {@code <task name>.<task ID>}. */
  public String containerName() {
    return name() + "." + id;
  }

  @Override
  public TaskObject withMeta(Meta meta) {
    return new TaskObject(id, meta, serviceId, serviceName, slot, nodeId, spec, specVersion,
        desiredState, status, networks);
  }

  public TaskObject withNodeId(String nodeId) {
    return new TaskObject(id, meta, serviceId, serviceName, slot, nodeId, spec, specVersion,
        desiredState, status, networks);
  }

  public TaskObject withDesiredState(TaskState desiredState) {
    return new TaskObject(id, meta, serviceId, serviceName, slot, nodeId, spec, specVersion,
        desiredState, status, networks);
  }

  public TaskObject withStatus(Status status) {
    return new TaskObject(id, meta, serviceId, serviceName, slot, nodeId, spec, specVersion,
        desiredState, status, networks);
  }

  public TaskObject withNetworks(List<NetworkAttachment> networks) {
    return new TaskObject(id, meta, serviceId, serviceName, slot, nodeId, spec, specVersion,
        desiredState, status, networks);
  }

  /**
   * swarmkit's task states, in the order a task goes through them (a task never goes back).
   * Docker's API writes them in lower case.
   */
  public enum TaskState {
    /** Made by the orchestrator; the allocator (issue 6) has not looked at it yet. */
    NEW,
    /** Waiting for the scheduler to place it (the status message says why it is not placed). */
    PENDING,
    /** Placed on a node; not yet seen by the node's agent. */
    ASSIGNED,
    /** The agent took it. */
    ACCEPTED,
    /** The agent is pulling the image and creating the container. */
    PREPARING,
    /** The container exists and is not started (as desired READY asks, during a restart delay). */
    READY,
    /** The container is being started. */
    STARTING,
    /** The container runs. */
    RUNNING,
    /** The container exited with code 0. */
    COMPLETE,
    /** The container was stopped because the desired state asked for it. */
    SHUTDOWN,
    /** The container exited with a non-zero code, or could not be started. */
    FAILED,
    /** The agent could not even prepare it (e.g. "No such image"). */
    REJECTED,
    /** Desired only: stop it, then the reaper deletes it. */
    REMOVE,
    /** Its node was gone too long to know what became of it. */
    ORPHANED;

    /** Whether a task in this state has ended (it will never run again). */
    public boolean terminal() {
      return compareTo(RUNNING) > 0;
    }
  }

  /**
   * What is known of a task's run.
   *
   * @param message what happened last, in Docker's words ("pending task scheduling", "started",
   *     "no suitable node (…)")
   * @param err the error that ended or blocks it, or empty
   * @param timestamp when the state was reached
   * @param containerStatus the task's container, once it has one; or null
   * @param ports the ports published on the node for the task (host mode, issue 6)
   */
  public record Status(
      TaskState state, String message, String err, Instant timestamp,
      ContainerStatus containerStatus, List<EndpointSpec.PortConfig> ports) {
    public Status {
      state = state == null ? TaskState.NEW : state;
      message = message == null ? "" : message;
      err = err == null ? "" : err;
      timestamp = timestamp == null ? Instant.EPOCH : timestamp;
      ports = Labels.copy(ports);
    }

    public static Status of(TaskState state, String message, Instant timestamp) {
      return new Status(state, message, "", timestamp, null, null);
    }

    /** The next state with its message, keeping the container status (the error is cleared). */
    public Status next(TaskState state, String message, Instant timestamp) {
      return new Status(state, message, "", timestamp, containerStatus, ports);
    }

    public Status withErr(String err) {
      return new Status(state, message, err, timestamp, containerStatus, ports);
    }

    public Status withContainerStatus(ContainerStatus containerStatus) {
      return new Status(state, message, err, timestamp, containerStatus, ports);
    }
  }

  /**
   * @param containerId the container's full ID on its node
   * @param pid its main process (0 when not running)
   * @param exitCode its exit code, once it exited
   */
  public record ContainerStatus(String containerId, long pid, int exitCode) {}

  /**
   * A task's place on a swarm network (issue 6).
   *
   * @param networkId the network's ID
   * @param addresses the task's addresses with prefix length ("10.0.1.5/24")
   */
  public record NetworkAttachment(String networkId, List<String> addresses) {
    public NetworkAttachment {
      addresses = Labels.copy(addresses);
    }
  }
}
