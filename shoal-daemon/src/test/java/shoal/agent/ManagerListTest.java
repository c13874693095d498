package shoal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManagerListTest {
  @Test
  void managersAreTriedInTurnAndANamedLeaderFirst() {
    ManagerList l = new ManagerList(List.of("a:2377", "b:2377"), x -> {});
    assertThat(List.of(l.next(), l.next(), l.next())).containsExactly("a:2377", "b:2377", "a:2377");
    l.prefer("c:2377");
    assertThat(l.next()).isEqualTo("c:2377");
    assertThat(l.next()).isEqualTo("b:2377");
  }

  @Test
  void aNewListFromTheLeaderIsSavedOnlyWhenItChanged() {
    List<List<String>> saved = new ArrayList<>();
    ManagerList l = new ManagerList(List.of("a:2377"), saved::add);
    l.update(List.of("a:2377"));
    l.update(List.of());
    assertThat(saved).isEmpty();
    l.update(List.of("b:2377", "a:2377"));
    assertThat(saved).containsExactly(List.of("b:2377", "a:2377"));
    assertThat(l.next()).as("the leader, first in the list, is dialled first").isEqualTo("b:2377");
  }

  @Test
  void anEmptyListHasNoManagerToDial() {
    assertThat(new ManagerList(List.of(), x -> {}).next()).isNull();
  }
}
