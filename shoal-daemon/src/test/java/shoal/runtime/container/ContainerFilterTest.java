package shoal.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import shoal.errors.InvalidArgumentException;
import shoal.net.EndpointSpec;

class ContainerFilterTest {
  private static ContainerRecord record(String id, String name, ContainerStatus status, int exit, int createdSecond,
      Map<String, String> labels) {
    ContainerConfig c = new ContainerConfig("", "", "", false, false, false, Set.of("80/tcp"), false, false, false,
        List.of(), List.of("true"), "busybox", "", null, labels, "", null);
    ContainerState s = new ContainerState(status, 0, exit, "", null, null, false);
    return new ContainerRecord(id, name, Instant.ofEpochSecond(createdSecond), "sha256:img", "busybox", c,
        HostSettings.defaults(), Map.of("front", EndpointSpec.defaults()), s, Map.of(), List.of(), "",
        RestartBackoff.initial(), false);
  }

  private static final ContainerRecord WEB = record("aaa111", "web", ContainerStatus.RUNNING, 0, 10, Map.of("tier", "front"));
  private static final ContainerRecord DB = record("bbb222", "db", ContainerStatus.EXITED, 3, 20, Map.of("tier", "back"));
  private static final ContainerRecord NEW = record("ccc333", "web-2", ContainerStatus.CREATED, 0, 30, Map.of());

  private static List<String> names(boolean all, Map<String, List<String>> filters) {
    ContainerQuery q = new ContainerQuery(all, -1, false, filters);
    ContainerFilter f = new ContainerFilter(q,
        ref -> Map.of("web", WEB, "db", DB, "web-2", NEW).get(ref),
        ref -> ref.equals("busybox") ? Set.of("sha256:img") : Set.of());
    return List.of(WEB, DB, NEW).stream().filter(f::accepts).map(ContainerRecord::name).toList();
  }

  @Test
  void withoutAllOnlyRunningOnesShow() {
    assertThat(names(false, Map.of())).containsExactly("web");
    assertThat(names(true, Map.of())).containsExactly("web", "db", "web-2");
  }

  @Test
  void filtersMatchAsDockers() {
    assertThat(names(true, Map.of("name", List.of("^/web")))).containsExactly("web", "web-2");
    assertThat(names(true, Map.of("name", List.of("web$")))).containsExactly("web");
    assertThat(names(true, Map.of("id", List.of("bbb")))).containsExactly("db");
    assertThat(names(true, Map.of("label", List.of("tier=back")))).containsExactly("db");
    assertThat(names(true, Map.of("label", List.of("tier")))).containsExactly("web", "db");
    assertThat(names(false, Map.of("status", List.of("exited", "created")))).containsExactly("db", "web-2");
    assertThat(names(false, Map.of("exited", List.of("3")))).containsExactly("db");
    assertThat(names(true, Map.of("before", List.of("db")))).containsExactly("web");
    assertThat(names(true, Map.of("since", List.of("web")))).containsExactly("db", "web-2");
    assertThat(names(true, Map.of("ancestor", List.of("busybox")))).hasSize(3);
    assertThat(names(true, Map.of("network", List.of("front")))).hasSize(3);
    assertThat(names(true, Map.of("expose", List.of("80")))).hasSize(3);
  }

  @Test
  void invalidValuesAreRefused() {
    assertThatThrownBy(() -> names(true, Map.of("status", List.of("sleeping"))))
        .isInstanceOf(InvalidArgumentException.class).hasMessage("invalid filter 'status=sleeping'");
    assertThatThrownBy(() -> names(true, Map.of("exited", List.of("x")))).isInstanceOf(InvalidArgumentException.class);
  }
}
