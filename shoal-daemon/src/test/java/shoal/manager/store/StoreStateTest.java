package shoal.manager.store;

import static org.assertj.core.api.Assertions.assertThat;
import static shoal.manager.store.Objects.T0;
import static shoal.manager.store.Objects.batch;
import static shoal.manager.store.Objects.create;
import static shoal.manager.store.Objects.delete;
import static shoal.manager.store.Objects.node;
import static shoal.manager.store.Objects.service;
import static shoal.manager.store.Objects.update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import shoal.manager.store.BatchResult.Code;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.StoreObject;

class StoreStateTest {
  private final StoreState state = new StoreState();

  @Test
  void createSetsTheVersionToTheEntryIndexAndTheTimesFromTheBatch() {
    StoreState.Applied a = state.apply(batch(create(node("n1"))), 7);

    assertThat(a.failure()).isNull();
    StoreObject stored = state.get(Kind.NODE, "n1").orElseThrow();
    assertThat(stored.meta().version()).isEqualTo(7);
    assertThat(stored.meta().createdAt()).isEqualTo(T0);
    assertThat(stored.meta().updatedAt()).isEqualTo(T0);
    assertThat(a.events()).containsExactly(new StoreEvent.Created(stored), new StoreEvent.Commit(7));
  }

  @Test
  void anUpdateCarryingTheStoredVersionReplacesTheObjectAndKeepsItsCreationTime() {
    state.apply(batch(create(node("n1"))), 3);
    NodeObject renamed = node("n1", "renamed");
    Instant later = T0.plusSeconds(60);

    StoreState.Applied a = state.apply(new Batch(later, List.of(update(renamed, 3))), 9);

    StoreObject stored = state.get(Kind.NODE, "n1").orElseThrow();
    assertThat(a.failure()).isNull();
    assertThat(((NodeObject) stored).spec().name()).isEqualTo("renamed");
    assertThat(stored.meta().version()).isEqualTo(9);
    assertThat(stored.meta().createdAt()).isEqualTo(T0);
    assertThat(stored.meta().updatedAt()).isEqualTo(later);
    assertThat(a.events().getFirst()).isInstanceOf(StoreEvent.Updated.class);
  }

  static Stream<Arguments> writesThatDoNotFit() {
    return Stream.of(
        Arguments.of("create with a taken id", create(node("n1")), Code.ALREADY_EXISTS),
        Arguments.of("create with a taken service name, other case",
            create(service("s2", "WEB")), Code.NAME_IN_USE),
        Arguments.of("rename a service to a taken name", update(service("s3", "web"), 1),
            Code.NAME_IN_USE),
        Arguments.of("update of a missing object", update(node("nope"), 1), Code.NOT_FOUND),
        Arguments.of("update with an old version", update(node("n1"), 0), Code.VERSION_CONFLICT),
        Arguments.of("update with a newer version", update(node("n1"), 2), Code.VERSION_CONFLICT),
        Arguments.of("delete of a missing object", delete(node("nope"), 1), Code.NOT_FOUND),
        Arguments.of("delete with an old version", delete(node("n1"), 0), Code.VERSION_CONFLICT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writesThatDoNotFit")
  void aWriteThatDoesNotFitIsAnsweredAsAFailureAndChangesNothing(
      String what, Action action, Code expected) {
    state.apply(batch(create(node("n1")), create(service("s1", "web")),
        create(service("s3", "db"))), 1);
    List<StoreObject> before = state.objects();

    StoreState.Applied a = state.apply(batch(action), 2);

    assertThat(a.failure()).isNotNull();
    assertThat(a.failure().code()).isEqualTo(expected);
    assertThat(a.events()).isEmpty();
    assertThat(state.objects()).isEqualTo(before);
  }

  @Test
  void aBatchIsAppliedAllOrNothing() {
    state.apply(batch(create(service("s1", "web"))), 1);
    List<StoreObject> before = state.objects();

    StoreState.Applied a = state.apply(batch(
        create(node("n1")), delete(service("s1", "web"), 1), create(service("s2", "web")),
        update(node("missing"), 1)), 2);

    assertThat(a.failure().code()).isEqualTo(Code.NOT_FOUND);
    assertThat(state.objects()).isEqualTo(before);
    assertThat(state.idByName(Kind.SERVICE, "web")).contains("s1");
  }

  @Test
  void aNameFreedEarlierInTheBatchCanBeTakenLaterInIt() {
    state.apply(batch(create(service("s1", "web"))), 1);

    StoreState.Applied a = state.apply(batch(
        delete(service("s1", "web"), 1), create(service("s2", "web"))), 2);

    assertThat(a.failure()).isNull();
    assertThat(state.idByName(Kind.SERVICE, "Web")).contains("s2");
  }

  @Test
  void nodesMayShareANameButServicesMayNot() {
    assertThat(state.apply(batch(create(node("n1", "h")), create(node("n2", "h"))), 1).failure())
        .isNull();
    assertThat(state.apply(batch(create(service("s1", "h")), create(service("s2", "h"))), 2)
        .failure().code()).isEqualTo(Code.NAME_IN_USE);
  }

  @Test
  void aMalformedBatchFailsWithoutTouchingTheState() {
    Batch wrongId = batch(new Action(Action.Op.CREATE, Kind.NODE, "a", 0, node("b")));

    assertThat(state.apply(wrongId, 1).failure().code()).isEqualTo(Code.INVALID);
    assertThat(state.objects()).isEmpty();
  }

  /** Every manager replays the same log; they must end up the same, failures included. */
  @Test
  void replayingTheSameEntriesGivesTheSameStateAndAnswers() {
    List<Batch> log = randomLog(new Random(42), 400);
    Function<StoreState, List<String>> replay = s -> {
      List<String> answers = new ArrayList<>();
      for (int i = 0; i < log.size(); i++) {
        StoreState.Applied a = s.apply(log.get(i), i + 1);
        answers.add(a.failure() == null ? "ok" : a.failure().code().name());
      }
      return answers;
    };
    StoreState other = new StoreState();

    List<String> answers = replay.apply(state);

    assertThat(replay.apply(other)).isEqualTo(answers);
    assertThat(other.objects()).isEqualTo(state.objects());
    assertThat(answers).contains("ok", "ALREADY_EXISTS", "VERSION_CONFLICT", "NAME_IN_USE");
  }

  private static List<Batch> randomLog(Random r, int n) {
    List<Batch> log = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "o" + r.nextInt(20);
      StoreObject o = r.nextBoolean()
          ? node(id, "n" + r.nextInt(5))
          : Objects.service("s" + id, "svc" + r.nextInt(8));
      long version = r.nextInt(i + 1);
      Action a = switch (r.nextInt(3)) {
        case 0 -> create(o);
        case 1 -> update(o, version);
        default -> delete(o, version);
      };
      log.add(new Batch(T0.plusSeconds(i), List.of(a)));
    }
    return log;
  }

  @Test
  void replacingTheWholeStateReportsTheDifferenceAsEvents() {
    state.apply(batch(create(node("keep")), create(node("change")), create(node("drop"))), 1);
    NodeObject kept = (NodeObject) state.get(Kind.NODE, "keep").orElseThrow();
    NodeObject changed = node("change", "new name").withMeta(new shoal.manager.store.objects.Meta(5, T0, T0));
    NodeObject added = node("add").withMeta(new shoal.manager.store.objects.Meta(5, T0, T0));

    List<StoreEvent> events = state.replaceAll(List.of(kept, changed, added), 5);

    assertThat(events).hasSize(4);
    assertThat(events).filteredOn(e -> e instanceof StoreEvent.Updated).hasSize(1);
    assertThat(events).filteredOn(e -> e instanceof StoreEvent.Deleted).hasSize(1);
    assertThat(events).filteredOn(e -> e instanceof StoreEvent.Created).hasSize(1);
    assertThat(events.getLast()).isEqualTo(new StoreEvent.Commit(5));
    assertThat(state.objects()).containsExactlyInAnyOrder(kept, changed, added);
  }
}
