package shoal.manager.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shoal.manager.store.objects.NodeObject;

class ConstraintTest {
  private static final NodeObject NODE = Nodes.node("n1", NodeObject.Role.MANAGER,
      NodeObject.State.READY, NodeObject.Availability.ACTIVE, Map.of("zone", "East", "ssd", "yes"));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "node.role==manager        | true",
      "node.role == MANAGER      | true",
      "node.role!=manager        | false",
      "node.role==worker         | false",
      "node.id==n1               | true",
      "node.id!=n2               | true",
      "node.hostname==host-n1    | true",
      "Node.Hostname==HOST-N1    | true",
      "node.labels.zone==east    | true",
      "node.labels.zone!=east    | false",
      "node.labels.Zone==east    | false",
      "node.labels.rack==a       | false",
      "node.labels.rack!=a       | true",
      "engine.labels.os==linux   | false",
      "engine.labels.os!=linux   | true",
      "node.platform.os==linux   | true",
      "node.platform.arch==x86_64| true",
      "node.cpu==4               | false",
      "node.cpu!=4               | false",
  })
  void matchesAsDockerDoes(String expression, boolean matches) {
    assertThat(Constraint.parse(expression).matches(NODE)).isEqualTo(matches);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "node.role                 | constraint expected one operator from ==, !=",
      "node.role=manager         | constraint expected one operator from ==, !=",
      "node role==manager        | key 'node role' is invalid",
      "==manager                 | key '' is invalid",
      "node.role==               | value '' is invalid",
      "node.role==a&b            | value 'a&b' is invalid",
  })
  void rejectsWhatDockerRejects(String expression, String message) {
    assertThatThrownBy(() -> Constraint.parse(expression))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
