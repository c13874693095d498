package shoal.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.LinkedHashMap;
import shoal.errors.NotFoundException;
import shoal.net.EndpointSpec;
import shoal.net.Network;
import shoal.net.OverlayEndpoints;
import shoal.net.ipam.Ipv4Address;
import shoal.errors.NotModifiedException;
import shoal.manager.store.objects.ContainerSpec;
import shoal.runtime.container.ContainerConfig;
import shoal.runtime.container.ContainerQuery;
import shoal.runtime.container.ContainerRecord;
import shoal.runtime.container.ContainerService;
import shoal.runtime.container.ContainerStatus;
import shoal.runtime.container.ContainerView;
import shoal.runtime.container.HostSettings;
import shoal.runtime.logs.JsonLogFile;
import shoal.runtime.logs.LogQuery;

/**
 * Tasks' containers on the node's own runtime, as dockerd's swarm executor makes them: named
 * {@code <task name>.<task ID>}, labelled, with no restart policy of their own (the orchestrator
 * replaces a task that ended), on the task's swarm networks with the addresses the managers gave
 * (or the default bridge network when it has none).
 */
public final class ContainerTaskRuntime implements TaskRuntime {
  private final ContainerService containers;
  // Null: no overlay side (tests); tasks then run on the default network only.
  private final OverlayEndpoints overlays;

  public ContainerTaskRuntime(ContainerService containers) {
    this(containers, null);
  }

  public ContainerTaskRuntime(ContainerService containers, OverlayEndpoints overlays) {
    this.containers = containers;
    this.overlays = overlays;
  }

  @Override
  public List<TaskContainer> taskContainers() {
    List<TaskContainer> out = new ArrayList<>();
    for (ContainerView v : containers.list(new ContainerQuery(true, 0, false,
        Map.of("label", List.of(SwarmLabels.TASK_ID))))) {
      ContainerRecord r = v.record();
      out.add(new TaskContainer(r.id(), r.config().labels().get(SwarmLabels.TASK_ID), state(r.state().status()),
          r.state().exitCode(), r.state().pid()));
    }
    return out;
  }

  private static State state(ContainerStatus s) {
    return switch (s) {
      case CREATED -> State.CREATED;
      case RUNNING, PAUSED, RESTARTING -> State.RUNNING;
      case REMOVING, EXITED, DEAD -> State.EXITED;
    };
  }

  @Override
  public String create(Assignment task) {
    ContainerSpec s = task.spec();
    ContainerConfig config = new ContainerConfig(s.hostname(), "", s.user(), false, false, false, Set.of(),
        s.tty(), s.openStdin(), false, s.env(), s.args().isEmpty() ? null : s.args(), s.image(), s.dir(),
        s.command().isEmpty() ? null : s.command(), SwarmLabels.of(task), s.stopSignal(),
        seconds(s.effectiveStopGracePeriod()));
    List<TaskNetwork> nets = overlays == null ? List.of() : task.networks();
    if (nets.isEmpty()) {
      return containers.create(task.containerName(), config, HostSettings.defaults(), Map.of()).id();
    }
    List<Network> local = new ArrayList<>();
    List<Ipv4Address> addresses = new ArrayList<>();
    Map<String, EndpointSpec> endpoints = new LinkedHashMap<>();
    for (TaskNetwork t : nets) {
      Network n = NodeOverlayPlane.toLocal(t.network());
      local.add(n);
      addresses.add(NodeOverlayPlane.addressOf(t.address()));
      // Docker's task aliases: the service's name on each of its networks.
      endpoints.put(n.name(), new EndpointSpec(List.of(task.serviceName()), null, null));
    }
    // Refuses an encrypted network here, so that the task is rejected with the reason.
    overlays.expectTask(task.containerName(), local, addresses);
    HostSettings d = HostSettings.defaults();
    HostSettings host = new HostSettings(local.getFirst().name(), d.portBindings(), d.publishAllPorts(),
        d.restartPolicy(), d.autoRemove(), d.dns(), d.dnsSearch(), d.dnsOptions(), d.extraHosts(), d.capAdd(),
        d.capDrop(), d.readonlyRootfs(), d.consoleSize());
    try {
      return containers.create(task.containerName(), config, host, endpoints).id();
    } catch (RuntimeException e) {
      overlays.forgetTask(task.containerName());
      throw e;
    }
  }

  @Override
  public long start(String containerId) {
    containers.start(containerId);
    return containers.inspect(containerId, false).record().state().pid();
  }

  @Override
  public CompletableFuture<Integer> exit(String containerId) {
    return containers.waitFor(containerId, "not-running");
  }

  @Override
  public void stop(String containerId, Duration grace) {
    try {
      containers.stop(containerId, grace == null ? null : seconds(grace));
    } catch (NotModifiedException | NotFoundException e) {
      // not running, or gone: stopped either way
    }
  }

  @Override
  public void remove(String containerId) {
    try {
      String name = containers.inspect(containerId, false).record().name();
      containers.remove(containerId, true, false);
      if (overlays != null) {
        overlays.forgetTask(name);
      }
    } catch (NotFoundException e) {
      // gone already
    }
  }

  @Override
  public void logs(String containerId, LogQuery q, JsonLogFile.Sink sink, BooleanSupplier stop) throws IOException {
    containers.logs(containerId, q, sink, stop);
  }

  /** Whole seconds, rounded up: the runtime's stop timeout has no finer unit. */
  private static int seconds(Duration d) {
    long ms = d.toMillis();
    return (int) Math.min(Integer.MAX_VALUE, (ms + 999) / 1000);
  }
}
