package shoal.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import shoal.errors.NotFoundException;
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
 * replaces a task that ended) and the default network.
 */
public final class ContainerTaskRuntime implements TaskRuntime {
  private final ContainerService containers;

  public ContainerTaskRuntime(ContainerService containers) {
    this.containers = containers;
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
    return containers.create(task.containerName(), config, HostSettings.defaults(), Map.of()).id();
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
      containers.remove(containerId, true, false);
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
