package shoal.manager.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.Placement;
import shoal.manager.store.objects.TaskObject;

class NodeSetTest {
  private static final List<NodeObject> THREE =
      List.of(Nodes.worker("a"), Nodes.worker("b"), Nodes.worker("c"));

  /** Places {@code n} tasks of service s1 in one pass; returns how many each node got. */
  private static Map<String, Integer> place(int n, List<TaskObject> existing, long maxPerNode) {
    NodeSet set = NodeSet.of(THREE, existing);
    Pipeline p = Pipeline.standard();
    Map<String, Integer> got = new TreeMap<>();
    for (int slot = 1; slot <= n; slot++) {
      TaskObject t = Nodes.task("s1", slot, new Placement(List.of(), maxPerNode));
      p.setTask(t);
      set.best(t, p).ifPresent(node -> {
        set.place(t, node.id());
        got.merge(node.id(), 1, Integer::sum);
      });
    }
    return got;
  }

  private static List<TaskObject> running(String service, String node, int count) {
    List<TaskObject> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      out.add(Nodes.runningOn(Nodes.task(service, 100 + i, Placement.none()), node));
    }
    return out;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("30 on empty nodes", 30, List.of(), 0, Map.of("a", 10, "b", 10, "c", 10)),
        Arguments.of("3 on empty nodes", 3, List.of(), 0, Map.of("a", 1, "b", 1, "c", 1)),
        Arguments.of("27 beside 3 of the same service on a", 27, running("s1", "a", 3), 0,
            Map.of("a", 7, "b", 10, "c", 10)),
        Arguments.of("other services break ties: fewest tasks overall", 2,
            Stream.concat(running("s2", "a", 2).stream(), running("s2", "b", 1).stream())
                .toList(), 0, Map.of("b", 1, "c", 1)),
        Arguments.of("same service counts before overall load", 3, running("s2", "c", 5), 0,
            Map.of("a", 1, "b", 1, "c", 1)),
        Arguments.of("max two per node leaves the rest unplaced", 8, List.of(), 2,
            Map.of("a", 2, "b", 2, "c", 2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void spreadsByTasksOfTheServiceThenByAllTasks(String name, int tasks, List<TaskObject> existing,
      long maxPerNode, Map<String, Integer> expected) {
    assertThat(place(tasks, existing, maxPerNode)).isEqualTo(expected);
  }
}
