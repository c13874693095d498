package shoal.manager.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shoal.manager.store.StoreEvent;
import shoal.manager.store.Watch;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.ServiceObject.UpdateState;
import shoal.manager.store.objects.ServiceSpec;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;
import shoal.manager.store.objects.UpdateConfig;

/** Rolling updates and rollbacks with the orchestrators, scheduler and stand-in agents. */
class UpdaterTest {
  private static final Duration MONITOR = Duration.ofMillis(200);

  @TempDir Path dir;
  private TestCluster c;

  @BeforeEach
  void start() throws Exception {
    c = TestCluster.start(dir, 3);
  }

  @AfterEach
  void close() throws Exception {
    c.close();
  }

  private static ServiceSpec spec(String name, long replicas, UpdateConfig update) {
    return Specs.replicated(name, replicas).withUpdateConfig(update)
        .withRollbackConfig(update.withFailureAction(UpdateConfig.FailureAction.PAUSE));
  }

  private static UpdateConfig config(long parallelism, UpdateConfig.Order order) {
    return new UpdateConfig(parallelism, null, null, MONITOR, 0, order);
  }

  private static String image(TaskObject t) {
    return t.spec().containerSpec().image();
  }

  private long running(String service, String image) {
    return c.tasks(service).stream().filter(t -> t.status().state() == TaskState.RUNNING
        && t.desiredState() == TaskState.RUNNING && image(t).equals(image)).count();
  }

  private void awaitState(String service, UpdateState state) throws InterruptedException {
    c.await("update state " + state, Duration.ofSeconds(5), () -> {
      ServiceObject s = c.service(service);
      return s.updateStatus() != null && s.updateStatus().state() == state;
    });
  }

  /** Slots with a live task of the image that does not run yet. */
  private static long slotsInFlight(Map<String, TaskObject> tasks, String serviceId, String image) {
    return tasks.values().stream().filter(t -> t.serviceId().equals(serviceId) && Tasks.live(t)
            && image(t).equals(image) && t.status().state() != TaskState.RUNNING)
        .map(TaskObject::slot).distinct().count();
  }

  private static Map<Long, Long> runningPerSlot(Map<String, TaskObject> tasks, String serviceId) {
    return tasks.values().stream().filter(t -> t.serviceId().equals(serviceId)
            && t.status().state() == TaskState.RUNNING)
        .collect(Collectors.groupingBy(TaskObject::slot, Collectors.counting()));
  }

  @Test
  void stopFirstUpdatesAtMostParallelismSlotsAtOnceAndNeverRunsTwoTasksInASlot()
      throws Exception {
    String web = c.createService(spec("web", 6, config(2, UpdateConfig.Order.STOP_FIRST)));
    c.await("6 running", () -> running(web, "busybox") == 6);
    AtomicInteger maxInFlight = new AtomicInteger();
    AtomicInteger maxPerSlot = new AtomicInteger();
    try (TaskMirror m = new TaskMirror(c.store, tasks -> {
      maxInFlight.accumulateAndGet((int) slotsInFlight(tasks, web, "busybox:2"), Math::max);
      runningPerSlot(tasks, web).values()
          .forEach(n -> maxPerSlot.accumulateAndGet(n.intValue(), Math::max));
    })) {
      c.updateService(web, s -> Specs.withImage(s, "busybox:2"));
      awaitState(web, UpdateState.COMPLETED);
    }
    assertThat(maxInFlight).hasValue(2);
    assertThat(maxPerSlot).hasValue(1);
    assertThat(running(web, "busybox:2")).isEqualTo(6);
    assertThat(c.service(web).updateStatus().message()).isEqualTo("update completed");
    assertThat(c.service(web).updateStatus().completedAt()).isNotNull();
  }

  @Test
  void startFirstRunsTheNewTaskBesideTheOldOneThenStopsTheOld() throws Exception {
    String web = c.createService(spec("web", 3, config(1, UpdateConfig.Order.START_FIRST)));
    c.await("3 running", () -> running(web, "busybox") == 3);
    AtomicInteger maxPerSlot = new AtomicInteger();
    AtomicInteger maxLive = new AtomicInteger();
    try (TaskMirror m = new TaskMirror(c.store, tasks -> {
      runningPerSlot(tasks, web).values()
          .forEach(n -> maxPerSlot.accumulateAndGet(n.intValue(), Math::max));
      maxLive.accumulateAndGet((int) tasks.values().stream()
          .filter(t -> t.serviceId().equals(web) && Tasks.live(t)).count(), Math::max);
    })) {
      c.updateService(web, s -> Specs.withImage(s, "busybox:2"));
      awaitState(web, UpdateState.COMPLETED);
    }
    assertThat(maxPerSlot).as("old and new ran together").hasValue(2);
    assertThat(maxLive).as("one slot at a time").hasValue(4);
    c.await("old ones shut down", () -> c.tasks(web).stream()
        .filter(t -> image(t).equals("busybox"))
        .allMatch(t -> t.status().state() == TaskState.SHUTDOWN));
    assertThat(running(web, "busybox:2")).isEqualTo(3);
  }

  @Test
  void failureActionRollbackGoesBackToThePreviousSpec() throws Exception {
    String web = c.createService(spec("web", 4, config(1, UpdateConfig.Order.STOP_FIRST)
        .withFailureAction(UpdateConfig.FailureAction.ROLLBACK)));
    c.await("4 running", () -> running(web, "busybox") == 4);
    c.agents.failWhen(t -> image(t).equals("busybox:bad"));
    List<ServiceObject.UpdateStatus> seen = new ArrayList<>();
    try (Watch w = c.store.watch(StoreEvent.ofKind(Kind.SERVICE))) {
      c.updateService(web, s -> Specs.withImage(s, "busybox:bad"));
      awaitState(web, UpdateState.ROLLBACK_COMPLETED);
      for (StoreEvent e = w.poll(Duration.ZERO); e != null; e = w.poll(Duration.ZERO)) {
        if (e instanceof StoreEvent.ObjectEvent o
            && ((ServiceObject) o.object()).updateStatus() != null) {
          seen.add(((ServiceObject) o.object()).updateStatus());
        }
      }
    }
    assertThat(seen).extracting(ServiceObject.UpdateStatus::state).containsSubsequence(
        UpdateState.UPDATING, UpdateState.ROLLBACK_STARTED, UpdateState.ROLLBACK_COMPLETED);
    assertThat(seen).filteredOn(s -> s.state() == UpdateState.ROLLBACK_STARTED).first()
        .extracting(ServiceObject.UpdateStatus::message).asString()
        .startsWith("update rolled back due to failure or early termination of task ");
    ServiceObject s = c.service(web);
    assertThat(s.spec().taskTemplate().containerSpec().image()).isEqualTo("busybox");
    assertThat(s.previousSpec().taskTemplate().containerSpec().image()).isEqualTo("busybox:bad");
    assertThat(s.updateStatus().message()).isEqualTo("rollback completed");
    c.await("4 running the old image", () -> running(web, "busybox") == 4);
  }

  @Test
  void failureActionPauseStopsTheUpdateAfterTheFirstFailure() throws Exception {
    String web = c.createService(spec("web", 4, config(1, UpdateConfig.Order.STOP_FIRST)));
    c.await("4 running", () -> running(web, "busybox") == 4);
    c.agents.failWhen(t -> image(t).equals("busybox:bad"));
    c.updateService(web, s -> Specs.withImage(s, "busybox:bad"));
    awaitState(web, UpdateState.PAUSED);
    assertThat(c.service(web).updateStatus().message())
        .startsWith("update paused due to failure or early termination of task ");
    Thread.sleep(MONITOR.toMillis() * 2);
    assertThat(running(web, "busybox")).as("the other slots were not touched").isEqualTo(3);
    assertThat(c.service(web).updateStatus().state()).isEqualTo(UpdateState.PAUSED);
  }

  @Test
  void aRequestedRollbackRollsThePreviousSpecOut() throws Exception {
    String web = c.createService(spec("web", 3, config(0, UpdateConfig.Order.STOP_FIRST)));
    c.await("3 running", () -> running(web, "busybox") == 3);
    c.updateService(web, s -> Specs.withImage(s, "busybox:2"));
    awaitState(web, UpdateState.COMPLETED);
    c.store.update(tx -> {
      tx.services().update(tx.services().get(web).rolledBack(Instant.now()));
      return null;
    });
    awaitState(web, UpdateState.ROLLBACK_COMPLETED);
    c.await("3 running the first image", () -> running(web, "busybox") == 3);
  }

  @Test
  void forceUpdateReplacesEveryTaskWithTheSameImage() throws Exception {
    String web = c.createService(spec("web", 3, config(0, UpdateConfig.Order.STOP_FIRST)));
    c.await("3 running", () -> running(web, "busybox") == 3);
    Set<String> before = c.tasks(web).stream().map(TaskObject::id).collect(Collectors.toSet());
    c.updateService(web, s -> s.withTaskTemplate(s.taskTemplate().withForceUpdate(1)));
    awaitState(web, UpdateState.COMPLETED);
    c.await("3 new tasks running", () -> c.tasks(web).stream().filter(t ->
        !before.contains(t.id()) && t.status().state() == TaskState.RUNNING).count() == 3);
  }

  @Test
  void aGlobalServiceIsUpdatedNodeByNode() throws Exception {
    String mon = c.createService(Specs.global("mon")
        .withUpdateConfig(config(1, UpdateConfig.Order.STOP_FIRST)));
    c.await("3 running", () -> running(mon, "busybox") == 3);
    AtomicInteger maxInFlight = new AtomicInteger();
    try (TaskMirror m = new TaskMirror(c.store, tasks -> maxInFlight.accumulateAndGet(
        (int) tasks.values().stream().filter(t -> t.serviceId().equals(mon) && Tasks.live(t)
            && image(t).equals("busybox:2") && t.status().state() != TaskState.RUNNING)
            .count(), Math::max))) {
      c.updateService(mon, s -> Specs.withImage(s, "busybox:2"));
      awaitState(mon, UpdateState.COMPLETED);
    }
    assertThat(maxInFlight).hasValue(1);
    assertThat(TestAgents.runningPerNode(c.tasks(mon))).hasSize(3);
    assertThat(running(mon, "busybox:2")).isEqualTo(3);
  }
}
