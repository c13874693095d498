package shoal.manager.scheduler;

import java.time.Instant;
import java.util.Map;
import shoal.manager.store.objects.ContainerSpec;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.Placement;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.ServiceSpec;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskTemplate;

/** Nodes and tasks for scheduler unit tests. */
final class Nodes {
  private Nodes() {}

  static NodeObject node(String id, NodeObject.Role role, NodeObject.State state,
      NodeObject.Availability availability, Map<String, String> labels) {
    return new NodeObject(id, null, new NodeObject.Spec("", labels, role, availability), role,
        new NodeObject.Status(state, "", ""),
        new NodeObject.Description("host-" + id, new NodeObject.Platform("x86_64", "linux"), null,
            ""), null, null);
  }

  static NodeObject worker(String id) {
    return node(id, NodeObject.Role.WORKER, NodeObject.State.READY,
        NodeObject.Availability.ACTIVE, Map.of());
  }

  /** A pending task of service {@code serviceId} with the placement. */
  static TaskObject task(String serviceId, long slot, Placement placement) {
    ServiceObject s = ServiceObject.of(serviceId, ServiceSpec.of("svc-" + serviceId,
        TaskTemplate.of(ContainerSpec.of("busybox")).withPlacement(placement)));
    return TaskObject.newTask("t" + serviceId + slot, s, slot, "", Instant.EPOCH);
  }

  /** The task, running on the node. */
  static TaskObject runningOn(TaskObject t, String nodeId) {
    return t.withNodeId(nodeId).withStatus(t.status().next(TaskObject.TaskState.RUNNING, "",
        Instant.EPOCH));
  }
}
