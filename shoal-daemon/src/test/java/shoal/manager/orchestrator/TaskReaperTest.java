package shoal.manager.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shoal.manager.store.objects.RestartPolicy;
import shoal.manager.store.objects.ServiceSpec;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;

/** The task reaper with the other loops and stand-in agents on a real store. */
class TaskReaperTest {
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

  @Test
  void aSlotKeepsAtMostFiveTasksTheNewestOnes() throws Exception {
    c.agents.failWhen(t -> t.serviceName().equals("crash"));
    Set<String> made = ConcurrentHashMap.newKeySet();
    String crash;
    try (TaskMirror m = new TaskMirror(c.store, tasks -> made.addAll(tasks.keySet()))) {
      crash = c.createService(Specs.withRestart(Specs.replicated("crash", 1),
          RestartPolicy.defaults().withDelay(Duration.ZERO).withMaxAttempts(9)));
      c.await("ten tasks made, the last one failed", Duration.ofSeconds(5), () ->
          made.size() == 10 && c.tasks(crash).stream().noneMatch(Tasks::live));
    }
    c.await("five kept", () -> c.tasks(crash).size() == 5);
    Set<String> kept = c.tasks(crash).stream().map(TaskObject::id).collect(Collectors.toSet());
    Set<String> newest = c.tasks(crash).stream().sorted(Slot.OLDEST_FIRST.reversed()).limit(5)
        .map(TaskObject::id).collect(Collectors.toSet());
    assertThat(kept).isEqualTo(newest);
  }

  @Test
  void aRemovedServicesTasksStopThenGo() throws Exception {
    String web = c.createService(Specs.replicated("web", 3));
    c.await("3 running", () -> TestAgents.runningPerNode(c.tasks(web)).size() == 3);
    Map<String, TaskState> seen = new ConcurrentHashMap<>();
    try (TaskMirror m = new TaskMirror(c.store, tasks -> tasks.values()
        .forEach(t -> seen.merge(t.id(), t.status().state(),
            (a, b) -> a.compareTo(b) > 0 ? a : b)))) {
      c.store.update(tx -> {
        tx.services().delete(web);
        return null;
      });
      c.await("no task left", () -> c.tasks(web).isEmpty());
    }
    assertThat(seen).hasSize(3).allSatisfy((id, state) ->
        assertThat(state).as("task %s stopped before it went", id).isEqualTo(TaskState.SHUTDOWN));
  }

  @Test
  void scaledDownSlotsAreDeleted() throws Exception {
    String web = c.createService(Specs.replicated("web", 5));
    c.await("5 running", () -> c.tasks(web).stream()
        .filter(t -> t.status().state() == TaskState.RUNNING).count() == 5);
    c.updateService(web, s -> s.withMode(ServiceSpec.Mode.replicated(2)));
    c.await("2 tasks left", () -> c.tasks(web).size() == 2);
  }
}
