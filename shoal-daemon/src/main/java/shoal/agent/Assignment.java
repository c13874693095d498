package shoal.agent;

import java.util.List;
import shoal.manager.dispatcher.NetworkProtos;
import shoal.manager.dispatcher.TaskProtos;
import shoal.manager.store.objects.ContainerSpec;
import shoal.manager.store.objects.TaskObject.TaskState;
import shoal.proto.AssignedTask;

/**
 * A task this node is to run, as its session said last.
 *
 * @param slot the replica number, or 0 for a task of a global service
 * @param desired what the manager wants of it: READY, RUNNING, SHUTDOWN or REMOVE
 * @param recorded the state the manager recorded for it (this node never reports an earlier one)
 * @param networks the task's swarm networks in the service's order, each with the task's address
 *     (ingress only when the service publishes ports through the routing mesh)
 */
public record Assignment(
    String taskId, String serviceId, String serviceName, long slot, String nodeId,
    TaskState desired, TaskState recorded, ContainerSpec spec, List<TaskNetwork> networks) {

  public Assignment {
    networks = networks == null ? List.of() : List.copyOf(networks);
  }

  public static Assignment of(AssignedTask t) {
    return new Assignment(t.getId(), t.getServiceId(), t.getServiceName(), t.getSlot(), t.getNodeId(),
        TaskProtos.fromProto(t.getDesiredState()), TaskProtos.fromProto(t.getState()),
        TaskProtos.container(t.getContainer()),
        t.getNetworksList().stream().map(NetworkProtos::fromProto).toList());
  }

  /** Docker's task name: {@code <service>.<slot>}, or {@code <service>.<node ID>} (global). */
  public String taskName() {
    return serviceName + "." + (slot > 0 ? Long.toString(slot) : nodeId);
  }

  /** The container's name, which Docker also puts in the task name label. */
  public String containerName() {
    return taskName() + "." + taskId;
  }

  /** Whether the manager wants the task stopped (shutdown, or removed by a scale down). */
  public boolean stopWanted() {
    return desired.compareTo(TaskState.SHUTDOWN) >= 0;
  }
}
