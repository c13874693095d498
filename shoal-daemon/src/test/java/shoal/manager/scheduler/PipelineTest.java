package shoal.manager.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.NodeObject.Availability;
import shoal.manager.store.objects.NodeObject.Role;
import shoal.manager.store.objects.NodeObject.State;
import shoal.manager.store.objects.Placement;
import shoal.manager.store.objects.TaskObject;

class PipelineTest {
  private static NodeInfo info(Role role, State state, Availability a) {
    return NodeInfo.of(Nodes.node("n", role, state, a, Map.of()));
  }

  static Stream<Arguments> cases() {
    NodeInfo ready = info(Role.WORKER, State.READY, Availability.ACTIVE);
    NodeInfo manager = info(Role.MANAGER, State.READY, Availability.ACTIVE);
    NodeInfo down = info(Role.WORKER, State.DOWN, Availability.ACTIVE);
    NodeInfo drained = info(Role.MANAGER, State.READY, Availability.DRAIN);
    NodeInfo paused = info(Role.WORKER, State.READY, Availability.PAUSE);
    Placement none = Placement.none();
    Placement managers = new Placement(List.of("node.role==manager"), 0);
    Placement onePerNode = new Placement(List.of(), 1);
    NodeInfo busy = ready.withTask("s1");
    return Stream.of(
        Arguments.of(none, List.of(ready, manager), 2, ""),
        Arguments.of(none, List.of(ready, down), 1, "1 node not available for new tasks"),
        Arguments.of(none, List.of(down, drained, paused), 0,
            "3 nodes not available for new tasks"),
        Arguments.of(managers, List.of(ready, ready, ready), 0,
            "scheduling constraints not satisfied on 3 nodes"),
        Arguments.of(managers, List.of(ready, ready, drained), 0,
            "scheduling constraints not satisfied on 2 nodes; 1 node not available for new tasks"),
        Arguments.of(managers, List.of(down, down, ready), 0,
            "2 nodes not available for new tasks; scheduling constraints not satisfied on 1 node"),
        Arguments.of(onePerNode, List.of(busy, busy), 0, "max replicas per node limit exceed"),
        Arguments.of(onePerNode, List.of(busy, ready), 1, "max replicas per node limit exceed"));
  }

  @ParameterizedTest(name = "{2} pass, \"{3}\"")
  @MethodSource("cases")
  void filtersNodesAndExplainsTheFailuresMostCommonFirst(
      Placement placement, List<NodeInfo> nodes, int passing, String explanation) {
    Pipeline p = Pipeline.standard();
    TaskObject task = Nodes.task("s1", 1, placement);
    p.setTask(task);
    long passed = nodes.stream().filter(p::process).count();
    assertThat(passed).isEqualTo(passing);
    assertThat(p.explain()).isEqualTo(explanation);
  }
}
