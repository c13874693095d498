package shoal.manager.dispatcher;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import shoal.manager.store.objects.ContainerSpec;
import shoal.manager.store.objects.NetworkObject;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;
import shoal.proto.AssignedTask;
import shoal.proto.TaskStatus;

/**
 * Tasks and their states between the store's objects and the session's messages, both ways: the
 * dispatcher writes assignments and reads statuses, the agent the other way round.
 */
public final class TaskProtos {
  private TaskProtos() {}

  public static shoal.proto.TaskState toProto(TaskState s) {
    return shoal.proto.TaskState.forNumber(s.ordinal());
  }

  /** @throws IllegalArgumentException for a state this version does not know */
  public static TaskState fromProto(shoal.proto.TaskState s) {
    TaskState[] all = TaskState.values();
    int n = s.getNumber();
    if (n < 0 || n >= all.length) {
      throw new IllegalArgumentException("unknown task state " + s);
    }
    return all[n];
  }

  /** What a node is told of a task assigned to it, without its networks. */
  public static AssignedTask assigned(TaskObject t) {
    return assigned(t, id -> null);
  }

  /**
   * What a node is told of a task assigned to it.
   *
   * @param networks the store's networks by ID; a network it does not know (removed meanwhile)
   *     or has not allocated is left out
   */
  public static AssignedTask assigned(TaskObject t, Function<String, NetworkObject> networks) {
    AssignedTask.Builder b = AssignedTask.newBuilder();
    for (TaskObject.NetworkAttachment a : t.networks()) {
      NetworkObject n = networks.apply(a.networkId());
      if (n != null && n.allocated() && !a.addresses().isEmpty()) {
        b.addNetworks(NetworkProtos.toProto(n, a.addresses().getFirst()));
      }
    }
    return b
        .setId(t.id()).setServiceId(t.serviceId()).setServiceName(t.serviceName())
        .setSlot(t.slot()).setNodeId(t.nodeId())
        .setDesiredState(toProto(t.desiredState())).setState(toProto(t.status().state()))
        .setContainer(container(t.spec().containerSpec()))
        .build();
  }

  static shoal.proto.ContainerSpec container(ContainerSpec c) {
    shoal.proto.ContainerSpec.Builder b = shoal.proto.ContainerSpec.newBuilder()
        .setImage(c.image()).putAllLabels(c.labels()).addAllCommand(c.command()).addAllArgs(c.args())
        .setHostname(c.hostname()).addAllEnv(c.env()).setDir(c.dir()).setUser(c.user())
        .setTty(c.tty()).setOpenStdin(c.openStdin()).setStopSignal(c.stopSignal());
    if (c.stopGracePeriod() != null) {
      b.setStopGracePeriodNs(c.stopGracePeriod().toNanos());
    } else {
      b.setStopGracePeriodNs(-1);
    }
    return b.build();
  }

  /** The container spec a node received (a negative grace period: the spec set none). */
  public static ContainerSpec container(shoal.proto.ContainerSpec c) {
    return new ContainerSpec(c.getImage(), c.getLabelsMap(), c.getCommandList(), c.getArgsList(),
        c.getHostname(), c.getEnvList(), c.getDir(), c.getUser(), c.getTty(), c.getOpenStdin(),
        c.getStopSignal(), c.getStopGracePeriodNs() < 0 ? null : Duration.ofNanos(c.getStopGracePeriodNs()));
  }

  /** A status a node reported, as the store keeps it (the ports the task had stay). */
  static TaskObject.Status status(TaskStatus s, TaskObject.Status before) {
    TaskObject.ContainerStatus container = s.getContainerId().isEmpty()
        ? before.containerStatus()
        : new TaskObject.ContainerStatus(s.getContainerId(), s.getPid(), s.getExitCode());
    return new TaskObject.Status(fromProto(s.getState()), s.getMessage(), s.getErr(),
        Instant.ofEpochMilli(s.getTimestampMs()), container, before.ports());
  }
}
