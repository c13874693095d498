package shoal.manager.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.RestartPolicy;
import shoal.manager.store.objects.ServiceSpec;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;

/** The replicated orchestrator with the scheduler, reaper and stand-in agents on a real store. */
class ReplicatedOrchestratorTest {
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

  private Map<String, Long> running(String service) {
    return TestAgents.runningPerNode(c.tasks(service));
  }

  private static long total(Map<String, Long> perNode) {
    return perNode.values().stream().mapToLong(Long::longValue).sum();
  }

  private List<Long> liveSlots(String service) {
    return c.tasks(service).stream().filter(Tasks::live).map(TaskObject::slot).sorted()
        .collect(Collectors.toList());
  }

  @Test
  void scalingThreeToThirtySpreadsTenPerNodeAndBackToThreeRemovesTheHighestSlots()
      throws Exception {
    String web = c.createService(Specs.replicated("web", 3));
    c.await("3 running", () -> total(running(web)) == 3);
    assertThat(running(web).values()).containsOnly(1L);

    long t0 = System.nanoTime();
    java.util.concurrent.atomic.AtomicLong placedAt = new java.util.concurrent.atomic.AtomicLong();
    try (TaskMirror m = new TaskMirror(c.store, tasks -> {
      if (placedAt.get() == 0 && tasks.values().stream().filter(t -> t.serviceId().equals(web)
          && Tasks.live(t) && !t.nodeId().isEmpty()).count() == 30) {
        placedAt.set(System.nanoTime());
      }
    })) {
      c.updateService(web, s -> s.withMode(ServiceSpec.Mode.replicated(30)));
      c.await("30 running", () -> total(running(web)) == 30);
    }
    System.out.printf("scale 3 -> 30: 30 placed after %d ms, running (stand-in agents) after %d ms%n",
        (placedAt.get() - t0) / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
    assertThat(running(web).values()).containsOnly(10L);
    assertThat(liveSlots(web)).isEqualTo(
        java.util.stream.LongStream.rangeClosed(1, 30).boxed().toList());

    c.updateService(web, s -> s.withMode(ServiceSpec.Mode.replicated(3)));
    c.await("only slots 1..3 left", () -> c.tasks(web).stream()
        .map(TaskObject::slot).distinct().sorted().toList().equals(List.of(1L, 2L, 3L)));
    assertThat(liveSlots(web)).containsExactly(1L, 2L, 3L);
    assertThat(total(running(web))).isEqualTo(3);
  }

  @Test
  void aFailingTaskIsReplacedInItsSlotAfterTheDelayUntilMaxAttemptsIsReached() throws Exception {
    Duration delay = Duration.ofMillis(300);
    c.agents.failWhen(t -> t.serviceName().equals("crash"));
    String crash = c.createService(Specs.withRestart(Specs.replicated("crash", 1),
        new RestartPolicy(RestartPolicy.Condition.ON_FAILURE, delay, 2, null)));
    c.await("three failed tasks, none live", Duration.ofSeconds(5), () -> {
      List<TaskObject> ts = c.tasks(crash);
      return ts.size() == 3 && ts.stream().noneMatch(Tasks::live)
          && ts.stream().allMatch(t -> t.status().state() == TaskState.FAILED);
    });
    List<TaskObject> ts = c.tasks(crash).stream().sorted(Slot.OLDEST_FIRST).toList();
    assertThat(ts).extracting(TaskObject::slot).containsOnly(1L);
    for (int i = 1; i < ts.size(); i++) {
      Duration gap = Duration.between(ts.get(i - 1).status().timestamp(),
          ts.get(i).status().timestamp());
      assertThat(gap).as("restart %d waited the delay", i).isGreaterThanOrEqualTo(delay);
    }
    Thread.sleep(delay.toMillis() * 2);
    assertThat(c.tasks(crash)).as("no fourth attempt").hasSize(3);
  }

  @Test
  void onFailureDoesNotReplaceATaskThatCompletedAndAnyDoes() throws Exception {
    c.agents.exitWhen(t -> true, 0);
    String once = c.createService(Specs.withRestart(Specs.replicated("once", 1),
        RestartPolicy.defaults().withCondition(RestartPolicy.Condition.ON_FAILURE)
            .withDelay(Duration.ZERO)));
    String again = c.createService(Specs.withRestart(Specs.replicated("again", 1),
        RestartPolicy.defaults().withMaxAttempts(2).withDelay(Duration.ZERO)));
    c.await("any: 3 completed tasks", () -> c.tasks(again).size() == 3
        && c.tasks(again).stream().allMatch(t -> t.status().state() == TaskState.COMPLETE));
    assertThat(c.tasks(once)).hasSize(1).allSatisfy(t -> {
      assertThat(t.status().state()).isEqualTo(TaskState.COMPLETE);
      assertThat(t.desiredState()).isEqualTo(TaskState.SHUTDOWN);
    });
  }

  @Test
  void tasksOfADownNodeAreReplacedElsewhereAndShutDownWhenItReturns() throws Exception {
    String web = c.createService(Specs.replicated("web", 6));
    c.await("6 running", () -> total(running(web)) == 6);
    String lost = c.node(3);
    List<String> old = c.tasks(web).stream().filter(t -> t.nodeId().equals(lost))
        .map(TaskObject::id).toList();
    assertThat(old).hasSize(2);

    c.agents.setUp(lost, false);
    c.setNodeState(lost, NodeObject.State.DOWN);
    c.await("6 running on the two others", () -> total(running(web)) == 6
        && !running(web).containsKey(lost));
    assertThat(running(web).values()).containsOnly(3L);
    assertThat(liveSlots(web)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);

    c.setNodeState(lost, NodeObject.State.READY);
    c.agents.setUp(lost, true);
    c.agents.act();
    c.await("the old tasks shut down", () -> c.tasks(web).stream()
        .filter(t -> old.contains(t.id()))
        .allMatch(t -> t.status().state() == TaskState.SHUTDOWN));
    assertThat(running(web)).doesNotContainKey(lost);
  }

  @Test
  void tasksOfALostNodeAreReplacedWithoutWaitingTheRestartDelay() throws Exception {
    // The delay throttles crash loops; a task whose node died did not crash.
    String web = c.createService(Specs.replicated("web", 3).withTaskTemplate(
        Specs.replicated("web", 3).taskTemplate().withRestartPolicy(
            RestartPolicy.defaults().withDelay(Duration.ofSeconds(60)))));
    c.await("3 running", () -> total(running(web)) == 3);
    String lost = c.node(3);
    c.agents.setUp(lost, false);
    c.setNodeState(lost, NodeObject.State.DOWN);
    c.await("3 running on the two others well before the 60 s delay", () -> total(running(web)) == 3
        && !running(web).containsKey(lost));
  }

  @Test
  void drainingANodeShutsItsTasksDownAndRunsThemElsewhere() throws Exception {
    String web = c.createService(Specs.replicated("web", 3));
    c.await("3 running", () -> total(running(web)) == 3);
    String drained = c.node(2);
    c.setAvailability(drained, NodeObject.Availability.DRAIN);
    c.await("3 running, none on the drained node, its task shut down",
        () -> total(running(web)) == 3 && !running(web).containsKey(drained)
            && c.tasks(web).stream().filter(t -> t.nodeId().equals(drained))
                .allMatch(t -> t.status().state() == TaskState.SHUTDOWN));
    assertThat(c.tasks(web)).filteredOn(t -> t.nodeId().equals(drained))
        .allSatisfy(t -> {
          assertThat(t.desiredState()).isEqualTo(TaskState.SHUTDOWN);
          assertThat(t.status().state()).isEqualTo(TaskState.SHUTDOWN);
        });
  }

  @Test
  void aConstraintOnTheManagerRoleRunsEveryReplicaOnTheManager() throws Exception {
    String web = c.createService(
        Specs.withConstraints(Specs.replicated("web", 3), "node.role==manager"));
    c.await("3 running", () -> total(running(web)) == 3);
    assertThat(running(web)).containsOnlyKeys(c.node(1));
  }

  @Test
  void aTaskNoNodeCanTakeStaysPendingWithDockersReasonUntilANodeFits() throws Exception {
    String web = c.createService(
        Specs.withConstraints(Specs.replicated("web", 1), "node.labels.zone==east"));
    c.await("the reason", () -> c.tasks(web).stream().anyMatch(t -> t.status().err()
        .equals("no suitable node (scheduling constraints not satisfied on 3 nodes)")));
    assertThat(c.tasks(web)).singleElement().satisfies(t -> {
      assertThat(t.status().state()).isEqualTo(TaskState.PENDING);
      assertThat(t.nodeId()).isEmpty();
    });

    c.updateNode(c.node(2), n -> n.withSpec(n.spec().withLabels(Map.of("zone", "east"))));
    c.await("running on node 2", () -> running(web).equals(Map.of(c.node(2), 1L)));
  }

  @Test
  void theReasonCountsNodesPerFilterMostFirst() throws Exception {
    c.setAvailability(c.node(1), NodeObject.Availability.DRAIN);
    String web = c.createService(
        Specs.withConstraints(Specs.replicated("web", 1), "node.role==manager"));
    c.await("the reason", () -> c.tasks(web).stream().anyMatch(t -> t.status().err().equals(
        "no suitable node (scheduling constraints not satisfied on 2 nodes; "
            + "1 node not available for new tasks)")));
  }
}
