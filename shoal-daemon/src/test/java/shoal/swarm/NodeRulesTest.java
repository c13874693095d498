package shoal.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shoal.manager.store.ManagerInfo;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.NodeObject.Reachability;

class NodeRulesTest {
  private static final NodeObject NODE = new NodeObject("abc123", null,
      new NodeObject.Spec("", Map.of("zone", "east", "ssd", ""), NodeObject.Role.WORKER, null),
      NodeObject.Role.WORKER, null, new NodeObject.Description("h2", null, null, null), null, null);

  @ParameterizedTest(name = "{0}={1} → {2}")
  @CsvSource({
      "id, abc, true", "id, bc, false", "name, h2, true", "name, h, false", "role, worker, true",
      "role, manager, false", "membership, accepted, true", "membership, pending, false",
      "node.label, zone=east, true", "node.label, zone, true", "node.label, ssd, true",
      "node.label, zone=west, false", "label, zone, false"})
  void eachFilterOfNodeLsMatchesAsSwarmkitDoes(String key, String value, boolean matches) {
    List<String> v = List.of(value);
    List<String> none = List.of();
    NodeFilter f = new NodeFilter(key.equals("id") ? v : none, key.equals("name") ? v : none,
        key.equals("role") ? v : none, key.equals("membership") ? v : none,
        key.equals("label") ? v : none, key.equals("node.label") ? v : none);
    assertThat(f.matches(NODE)).isEqualTo(matches);
    assertThat(NodeFilter.NONE.matches(NODE)).isTrue();
  }

  private static List<ManagerInfo> managers(String reachability) {
    List<ManagerInfo> out = new java.util.ArrayList<>();
    for (int i = 0; i < reachability.length(); i++) {
      Reachability r = switch (reachability.charAt(i)) {
        case 'r' -> Reachability.REACHABLE;
        case 'u' -> Reachability.UNREACHABLE;
        default -> Reachability.UNKNOWN;
      };
      out.add(new ManagerInfo("m" + i, "10.0.0." + i + ":2378", i == 0, r));
    }
    return out;
  }

  @ParameterizedTest(name = "managers {0}, demote m{1} → {2}")
  @CsvSource({
      "rrr, 2, true", "rru, 1, false", "rru, 2, true", "rr, 1, true", "r, 0, false",
      "r??, 1, true", "rrruu, 1, false", "rrruu, 4, true"})
  void aManagerIsDemotedOnlyIfTheOthersKeepAQuorum(String reachability, int demoted, boolean allowed) {
    assertThat(NodeControl.canRemove(managers(reachability), "m" + demoted)).isEqualTo(allowed);
  }

  @Test
  void aNodeOutsideTheRaftGroupCanAlwaysBeDemoted() {
    assertThat(NodeControl.canRemove(managers("ru"), "elsewhere")).isTrue();
  }
}
