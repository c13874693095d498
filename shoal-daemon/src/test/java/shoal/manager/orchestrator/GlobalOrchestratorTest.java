package shoal.manager.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shoal.manager.store.objects.Ids;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;

/** The global orchestrator with the scheduler and stand-in agents on a real store. */
class GlobalOrchestratorTest {
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

  @Test
  void oneTaskRunsOnEveryNodeAlsoOnANodeThatJoinsLater() throws Exception {
    String mon = c.createService(Specs.global("mon"));
    c.await("one per node", () -> running(mon).equals(Map.of(
        c.node(1), 1L, c.node(2), 1L, c.node(3), 1L)));
    assertThat(c.tasks(mon)).extracting(TaskObject::slot).containsOnly(0L);

    String fourth = c.addNode(Ids.newId(), "node-4", NodeObject.Role.WORKER, Map.of());
    c.await("the new node runs one too", () -> running(mon).size() == 4
        && running(mon).get(fourth) == 1L);
    assertThat(c.tasks(mon)).hasSize(4);
  }

  @Test
  void aDrainedNodeLosesItsTaskAndGetsItBackWhenActive() throws Exception {
    String mon = c.createService(Specs.global("mon"));
    c.await("one per node", () -> running(mon).size() == 3);
    String drained = c.node(2);
    c.setAvailability(drained, NodeObject.Availability.DRAIN);
    c.await("its task shut down", () -> c.tasks(mon).stream()
        .filter(t -> t.nodeId().equals(drained))
        .allMatch(t -> t.status().state() == TaskState.SHUTDOWN));
    assertThat(running(mon)).hasSize(2).doesNotContainKey(drained);
    assertThat(c.tasks(mon)).as("not moved elsewhere").hasSize(3);

    c.setAvailability(drained, NodeObject.Availability.ACTIVE);
    c.await("one per node again", () -> running(mon).size() == 3);
  }

  @Test
  void aRemovedNodesTaskIsShutDown() throws Exception {
    String mon = c.createService(Specs.global("mon"));
    c.await("one per node", () -> running(mon).size() == 3);
    String gone = c.node(3);
    c.store.update(tx -> {
      tx.nodes().delete(gone);
      return null;
    });
    c.await("its task desired shutdown", () -> c.tasks(mon).stream()
        .filter(t -> t.nodeId().equals(gone))
        .allMatch(t -> t.desiredState() == TaskState.SHUTDOWN));
    assertThat(running(mon)).hasSize(2);
  }

  @Test
  void constraintsLimitTheNodes() throws Exception {
    String mon = c.createService(Specs.withConstraints(Specs.global("mon"), "node.role!=manager"));
    c.await("on the two workers", () -> running(mon).keySet().equals(
        java.util.Set.of(c.node(2), c.node(3))));
    assertThat(c.tasks(mon)).hasSize(2);
  }

  @Test
  void aTaskThatFailsIsReplacedOnItsNode() throws Exception {
    String mon = c.createService(Specs.global("mon"));
    c.await("one per node", () -> running(mon).size() == 3);
    c.agents.failWhen(t -> t.nodeId().equals(c.node(1)));
    TaskObject first = c.tasks(mon).stream().filter(t -> t.nodeId().equals(c.node(1)))
        .findFirst().orElseThrow();
    c.store.update(tx -> {
      TaskObject t = tx.tasks().get(first.id());
      tx.tasks().update(t.withStatus(t.status().next(TaskState.FAILED, "exit 1", java.time.Instant.now())));
      return null;
    });
    c.agents.failWhen(t -> false);
    c.await("a new task runs on node 1", () -> c.tasks(mon).stream().anyMatch(t ->
        t.nodeId().equals(c.node(1)) && !t.id().equals(first.id())
            && t.status().state() == TaskState.RUNNING));
  }
}
