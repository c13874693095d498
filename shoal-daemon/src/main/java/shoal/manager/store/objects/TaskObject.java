package shoal.manager.store.objects;

import java.time.Instant;

/**
 * A task: one slot of a service on one node. Minimal for now: issue 5 fleshes it out (see
 * StoreObject).
 *
 * @param nodeId the node the scheduler assigned, or empty
 * @param desiredState what the orchestrator wants the task to become
 * @param status what the task's node last reported
 */
public record TaskObject(
    String id, Meta meta, String serviceId, long slot, String nodeId, TaskState desiredState,
    Status status)
    implements StoreObject {
  public TaskObject {
    meta = Meta.orNone(meta);
    serviceId = serviceId == null ? "" : serviceId;
    nodeId = nodeId == null ? "" : nodeId;
    desiredState = desiredState == null ? TaskState.NEW : desiredState;
    status = status == null ? new Status(TaskState.NEW, "", null) : status;
  }

  @Override
  public TaskObject withMeta(Meta meta) {
    return new TaskObject(id, meta, serviceId, slot, nodeId, desiredState, status);
  }

  public TaskObject withNodeId(String nodeId) {
    return new TaskObject(id, meta, serviceId, slot, nodeId, desiredState, status);
  }

  public TaskObject withDesiredState(TaskState desiredState) {
    return new TaskObject(id, meta, serviceId, slot, nodeId, desiredState, status);
  }

  public TaskObject withStatus(Status status) {
    return new TaskObject(id, meta, serviceId, slot, nodeId, desiredState, status);
  }

  /** swarmkit's task states, in order. */
  public enum TaskState {
    NEW, PENDING, ASSIGNED, ACCEPTED, PREPARING, READY, STARTING, RUNNING, COMPLETE, SHUTDOWN,
    FAILED, REJECTED, REMOVE, ORPHANED
  }

  public record Status(TaskState state, String message, Instant timestamp) {
    public Status {
      state = state == null ? TaskState.NEW : state;
      message = message == null ? "" : message;
      timestamp = timestamp == null ? Instant.EPOCH : timestamp;
    }
  }
}
