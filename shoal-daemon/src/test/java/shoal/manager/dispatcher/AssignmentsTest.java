package shoal.manager.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import shoal.manager.store.StoreEvent;
import shoal.manager.store.objects.ContainerSpec;
import shoal.manager.store.objects.TaskObject;
import shoal.manager.store.objects.TaskObject.TaskState;
import shoal.manager.store.objects.TaskTemplate;
import shoal.proto.AssignedTask;
import shoal.proto.TaskAssignments;

/** Which task events reach which node, and how little is sent. */
class AssignmentsTest {
  private final Assignments a = new Assignments();

  private static TaskObject task(String id, String node, TaskState desired, TaskState state) {
    return new TaskObject(id, null, "s1", "web", 1, node, TaskTemplate.of(ContainerSpec.of("busybox")), 1, desired,
        TaskObject.Status.of(state, "", Instant.EPOCH), null);
  }

  private static List<String> ids(TaskAssignments t) {
    return t.getTasksList().stream().map(AssignedTask::getId).toList();
  }

  @Test
  void aTaskReachesItsNodeOnceTheSchedulerAssignsIt() {
    TaskObject pending = task("t1", "", TaskState.RUNNING, TaskState.PENDING);
    a.apply(new StoreEvent.Created(pending));
    assertThat(a.drain()).isEmpty();
    TaskObject assigned = task("t1", "n1", TaskState.RUNNING, TaskState.ASSIGNED);
    a.apply(new StoreEvent.Updated(pending, assigned));
    Map<String, TaskAssignments> out = a.drain();
    assertThat(out).containsOnlyKeys("n1");
    assertThat(out.get("n1").getFull()).isFalse();
    assertThat(ids(out.get("n1"))).containsExactly("t1");
    assertThat(a.drain()).isEmpty();
  }

  @Test
  void statusReportsSendNothingButDesiredStateChangesDo() {
    TaskObject t = task("t1", "n1", TaskState.RUNNING, TaskState.ASSIGNED);
    a.apply(new StoreEvent.Created(t));
    a.drain();
    TaskObject running = t.withStatus(TaskObject.Status.of(TaskState.RUNNING, "started", Instant.EPOCH));
    a.apply(new StoreEvent.Updated(t, running));
    assertThat(a.drain()).isEmpty();
    a.apply(new StoreEvent.Updated(running, running.withDesiredState(TaskState.SHUTDOWN)));
    AssignedTask sent = a.drain().get("n1").getTasks(0);
    assertThat(sent.getDesiredState()).isEqualTo(shoal.proto.TaskState.TASK_STATE_SHUTDOWN);
    assertThat(sent.getState()).isEqualTo(shoal.proto.TaskState.TASK_STATE_RUNNING);
  }

  @Test
  void aDeletedTaskIsRemovedFromItsNodeAndAMovedOneChangesNode() {
    TaskObject t1 = task("t1", "n1", TaskState.RUNNING, TaskState.ASSIGNED);
    TaskObject t2 = task("t2", "n1", TaskState.RUNNING, TaskState.ASSIGNED);
    a.load(List.of(t1, t2));
    a.apply(new StoreEvent.Deleted(t1));
    a.apply(new StoreEvent.Updated(t2, t2.withNodeId("n2")));
    Map<String, TaskAssignments> out = a.drain();
    assertThat(out.get("n1").getRemovedList()).containsExactly("t1", "t2");
    assertThat(ids(out.get("n2"))).containsExactly("t2");
    assertThat(ids(a.full("n1"))).isEmpty();
    assertThat(ids(a.full("n2"))).containsExactly("t2");
  }

  @Test
  void theFullSetHasEveryTaskOfTheNodeAndOnlyThem() {
    a.load(List.of(task("t1", "n1", TaskState.RUNNING, TaskState.RUNNING), task("t2", "n2", TaskState.RUNNING, TaskState.ASSIGNED),
        task("t3", "n1", TaskState.SHUTDOWN, TaskState.SHUTDOWN), task("t4", "n1", TaskState.RUNNING, TaskState.PENDING)));
    TaskAssignments full = a.full("n1");
    assertThat(full.getFull()).isTrue();
    assertThat(ids(full)).containsExactlyInAnyOrder("t1", "t3");
    assertThat(a.drain()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TaskState.class)
  void protoStatesMatchTheStoresInNameAndOrder(TaskState s) {
    assertThat(TaskProtos.toProto(s).name()).isEqualTo("TASK_STATE_" + s.name());
    assertThat(TaskProtos.fromProto(TaskProtos.toProto(s))).isEqualTo(s);
  }
}
