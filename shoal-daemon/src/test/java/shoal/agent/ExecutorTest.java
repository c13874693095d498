package shoal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import shoal.manager.dispatcher.TaskProtos;
import shoal.manager.store.objects.ContainerSpec;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;
import shoal.manager.store.objects.TaskTemplate;
import shoal.proto.TaskAssignments;
import shoal.proto.TaskStatus;

/** The executor over containers in memory: states, failures, shutdown, removal, reconciliation. */
class ExecutorTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final String NODE = "node1";

  private final FakeTaskRuntime runtime = new FakeTaskRuntime();
  private final StatusOutbox outbox = new StatusOutbox();
  private final List<TaskStatus> reported = new CopyOnWriteArrayList<>();
  private final Executor executor = new Executor(runtime, outbox, Clock.systemUTC());

  ExecutorTest() {
    outbox.onPut(() -> reported.addAll(outbox.drain()));
  }

  @AfterEach
  void close() {
    executor.close();
  }

  static TaskObject task(String id, long slot, String image, TaskState desired, TaskState state) {
    ContainerSpec spec = ContainerSpec.of(image).withArgs(List.of("sleep", "1d")).withStopGracePeriod(Duration.ofSeconds(3));
    return new TaskObject(id, null, "svc1", "web", slot, NODE, TaskTemplate.of(spec), 1, desired,
        TaskObject.Status.of(state, "", Instant.EPOCH), null);
  }

  private static TaskAssignments full(TaskObject... tasks) {
    TaskAssignments.Builder b = TaskAssignments.newBuilder().setFull(true);
    for (TaskObject t : tasks) {
      b.addTasks(TaskProtos.assigned(t));
    }
    return b.build();
  }

  private static TaskAssignments changed(TaskObject t) {
    return TaskAssignments.newBuilder().addTasks(TaskProtos.assigned(t)).build();
  }

  private TaskStatus await(String taskId, TaskState state) throws InterruptedException {
    return await("task " + taskId + " " + state, s -> s.getTaskId().equals(taskId) && s.getState() == TaskProtos.toProto(state));
  }

  private TaskStatus await(String what, Predicate<TaskStatus> p) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (TaskStatus s : reported) {
        if (p.test(s)) {
          return s;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("not reported within " + WAIT + ": " + what + "; reported: " + states());
  }

  private List<String> states() {
    List<String> out = new ArrayList<>();
    reported.forEach(s -> out.add(s.getTaskId() + ":" + s.getState()));
    return out;
  }

  @Test
  void anAssignedTaskGoesThroughEveryStateToRunningInANamedLabelledContainer() throws Exception {
    executor.assign(full(task("t1", 2, "busybox", TaskState.RUNNING, TaskState.ASSIGNED)));
    TaskStatus running = await("t1", TaskState.RUNNING);
    FakeTaskRuntime.Box box = runtime.byTask("t1");
    assertThat(box.name).isEqualTo("web.2.t1");
    assertThat(box.labels).containsEntry("com.docker.swarm.service.id", "svc1")
        .containsEntry("com.docker.swarm.service.name", "web").containsEntry("com.docker.swarm.task.id", "t1")
        .containsEntry("com.docker.swarm.task.name", "web.2.t1").containsEntry("com.docker.swarm.node.id", NODE);
    assertThat(running.getMessage()).isEqualTo("started");
    assertThat(running.getContainerId()).isEqualTo(box.id);
    assertThat(running.getPid()).isEqualTo(42);
    List<Integer> order = reported.stream().map(TaskStatus::getStateValue).toList();
    assertThat(order).isSorted().containsSubsequence(3, 4, 5, 6, 7);
    assertThat(runtime.calls).containsExactly("create web.2.t1", "start " + box.id);
  }

  @Test
  void aMissingImageRejectsTheTaskWithDockersError() throws Exception {
    executor.assign(full(task("t1", 1, "nosuch:1.0", TaskState.RUNNING, TaskState.ASSIGNED)));
    TaskStatus rejected = await("t1", TaskState.REJECTED);
    assertThat(rejected.getErr()).isEqualTo("No such image: nosuch:1.0");
    assertThat(runtime.boxes()).isEmpty();
  }

  @Test
  void aContainerExitingNonZeroFailsTheTaskAndZeroCompletesIt() throws Exception {
    executor.assign(full(task("t1", 1, "busybox", TaskState.RUNNING, TaskState.ASSIGNED),
        task("t2", 2, "busybox", TaskState.RUNNING, TaskState.ASSIGNED)));
    await("t1", TaskState.RUNNING);
    await("t2", TaskState.RUNNING);
    runtime.exit(runtime.byTask("t1"), 3);
    runtime.exit(runtime.byTask("t2"), 0);
    TaskStatus failed = await("t1", TaskState.FAILED);
    assertThat(failed.getErr()).isEqualTo("task: non-zero exit (3)");
    assertThat(failed.getExitCode()).isEqualTo(3);
    assertThat(await("t2", TaskState.COMPLETE).getMessage()).isEqualTo("finished");
  }

  @Test
  void desiredShutdownStopsWithTheGracePeriodAndRemovalRemovesTheContainer() throws Exception {
    TaskObject t = task("t1", 1, "busybox", TaskState.RUNNING, TaskState.ASSIGNED);
    executor.assign(full(t));
    await("t1", TaskState.RUNNING);
    String id = runtime.byTask("t1").id;
    executor.assign(changed(t.withDesiredState(TaskState.SHUTDOWN)));
    assertThat(await("t1", TaskState.SHUTDOWN).getMessage()).isEqualTo("shutdown");
    assertThat(runtime.calls).contains("stop " + id + " 3s");
    assertThat(runtime.byTask("t1")).isNotNull(); // kept as history until the task is deleted
    executor.assign(TaskAssignments.newBuilder().addRemoved("t1").build());
    SwarmAwait.until("container removed", WAIT, () -> runtime.boxes().isEmpty());
    assertThat(reported.stream().filter(s -> s.getTaskId().equals("t1")).map(TaskStatus::getStateValue).toList()).isSorted();
  }

  @Test
  void desiredReadyPreparesWithoutStartingUntilRunningIsWanted() throws Exception {
    TaskObject t = task("t1", 1, "busybox", TaskState.READY, TaskState.ASSIGNED);
    executor.assign(full(t));
    await("t1", TaskState.READY);
    Thread.sleep(100);
    assertThat(runtime.byTask("t1").state()).isEqualTo(TaskRuntime.State.CREATED);
    executor.assign(changed(t.withDesiredState(TaskState.RUNNING)));
    await("t1", TaskState.RUNNING);
  }

  @Test
  void afterARestartRunningContainersAreTakenOverNotStartedAgainAndOrphansAreRemoved() throws Exception {
    FakeTaskRuntime.Box kept = runtime.leftOver("t1", TaskRuntime.State.RUNNING, 0);
    FakeTaskRuntime.Box died = runtime.leftOver("t2", TaskRuntime.State.EXITED, 2);
    FakeTaskRuntime.Box orphan = runtime.leftOver("gone", TaskRuntime.State.RUNNING, 0);
    executor.assign(full(task("t1", 1, "busybox", TaskState.RUNNING, TaskState.RUNNING),
        task("t2", 2, "busybox", TaskState.RUNNING, TaskState.RUNNING)));
    TaskStatus again = await("t1", TaskState.RUNNING);
    assertThat(again.getContainerId()).isEqualTo(kept.id);
    assertThat(await("t2", TaskState.FAILED).getErr()).isEqualTo("task: non-zero exit (2)");
    SwarmAwait.until("orphan removed", WAIT, () -> runtime.calls.contains("remove " + orphan.id));
    assertThat(runtime.calls).contains("stop " + orphan.id + " own").noneMatch(c -> c.startsWith("create") || c.startsWith("start"));
    assertThat(runtime.boxes()).extracting(b -> b.id).containsExactlyInAnyOrder(kept.id, died.id);
  }

  @Test
  void aFullSetWithoutATaskRemovesItAndOneWithItAgainStartsNothingTwice() throws Exception {
    TaskObject t1 = task("t1", 1, "busybox", TaskState.RUNNING, TaskState.ASSIGNED);
    TaskObject t2 = task("t2", 2, "busybox", TaskState.RUNNING, TaskState.ASSIGNED);
    executor.assign(full(t1, t2));
    await("t1", TaskState.RUNNING);
    await("t2", TaskState.RUNNING);
    executor.assign(full(t1.withStatus(TaskObject.Status.of(TaskState.RUNNING, "started", Instant.EPOCH))));
    SwarmAwait.until("t2 removed", WAIT, () -> runtime.byTask("t2") == null);
    Thread.sleep(100);
    assertThat(runtime.calls.stream().filter(c -> c.startsWith("create"))).hasSize(2);
    assertThat(runtime.calls.stream().filter(c -> c.startsWith("start"))).hasSize(2);
    assertThat(runtime.byTask("t1").state()).isEqualTo(TaskRuntime.State.RUNNING);
  }

  @Test
  void aTaskOfADownNodeThatWasReplacedIsShutDownWhenTheNodeComesBack() throws Exception {
    FakeTaskRuntime.Box old = runtime.leftOver("t1", TaskRuntime.State.RUNNING, 0);
    executor.assign(full(task("t1", 1, "busybox", TaskState.SHUTDOWN, TaskState.RUNNING)));
    await("t1", TaskState.SHUTDOWN);
    assertThat(old.state()).isEqualTo(TaskRuntime.State.EXITED);
  }
}
