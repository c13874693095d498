package shoal.manager.store;

import static org.assertj.core.api.Assertions.assertThat;
import static shoal.manager.store.TestManagers.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shoal.manager.store.objects.Ids;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.StoreObject;

/** Managers' stores in one JVM over Ratis' gRPC on loopback. */
class StoreClusterIT {
  @TempDir Path dir;

  private static String createNode(Store on) {
    String id = Ids.newId();
    on.update(tx -> {
      tx.nodes().create(Objects.node(id));
      return null;
    });
    return id;
  }

  private static List<StoreObject> everything(Store s) {
    return s.view(tx -> {
      List<StoreObject> all = new ArrayList<>();
      all.addAll(tx.nodes().list());
      all.addAll(tx.services().list());
      return all;
    });
  }

  private static String other(TestManagers m, String notThis) {
    return m.runningIds().stream().filter(id -> !id.equals(notThis)).findFirst().orElseThrow();
  }

  @ParameterizedTest(name = "{0} managers")
  @ValueSource(ints = {1, 3, 5})
  void aWriteOnAnyManagerIsVisibleOnEveryManagerRightAfter(int managers) throws Exception {
    try (TestManagers m = TestManagers.start(dir, managers, 10_000)) {
      for (String writer : m.runningIds()) {
        String id = createNode(m.store(writer));
        for (Store reader : m.stores()) {
          long version = reader.view(tx -> tx.nodes().find(id).map(n -> n.meta().version())
              .orElse(-1L));
          assertThat(version).as("node written on %s, read on %s", writer, reader.nodeId())
              .isPositive();
        }
      }
      assertThat(m.store(m.awaitLeader()).managers()).hasSize(managers)
          .allSatisfy(i -> assertThat(i.reachability())
              .isEqualTo(NodeObject.Reachability.REACHABLE));
    }
  }

  @Test
  void whenTheLeaderStopsANewOneLeadsWithinSecondsAndTheOldOneReturnsAsAFollower()
      throws Exception {
    try (TestManagers m = TestManagers.start(dir, 3, 10_000)) {
      List<String> written = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        written.add(createNode(m.stores().get(i % 3)));
      }
      String oldLeader = m.awaitLeader();
      Store survivor = m.store(other(m, oldLeader));

      long stopping = System.nanoTime();
      m.stop(oldLeader);
      long gone = System.nanoTime();
      written.add(createNode(survivor)); // retried by the client until a new leader takes it
      long accepted = System.nanoTime();
      String newLeader = m.awaitLeader();
      System.err.printf("FAILOVER: the leader's server closed in %d ms; a write accepted by a new"
          + " leader %d ms after it was gone%n",
          (gone - stopping) / 1_000_000, (accepted - gone) / 1_000_000);

      assertThat(newLeader).isNotEqualTo(oldLeader);
      for (Store s : m.stores()) {
        assertThat(everything(s)).extracting(StoreObject::id)
            .containsExactlyInAnyOrderElementsOf(written);
      }
      written.add(createNode(survivor)); // while the old leader is away

      Store back = m.restart(oldLeader);
      assertThat(m.awaitLeader()).isEqualTo(newLeader);
      assertThat(back.leadership().self()).isFalse();
      assertThat(everything(back)).extracting(StoreObject::id)
          .containsExactlyInAnyOrderElementsOf(written);
    }
  }

  @Test
  void afterAllManagersRestartEveryObjectIsThereAndWritesGoOn() throws Exception {
    try (TestManagers m = TestManagers.start(dir, 3, 7)) { // snapshots every 7 entries
      for (int i = 0; i < 30; i++) {
        createNode(m.stores().get(i % 3));
      }
      Map<String, List<StoreObject>> before = new HashMap<>();
      for (String id : m.runningIds()) {
        before.put(id, everything(m.store(id)));
      }
      List<String> ids = m.runningIds();

      m.stopAll();
      for (String id : ids) {
        assertThat(Store.exists(m.config(id))).isTrue();
        m.restart(id);
      }
      m.awaitLeader();

      for (String id : ids) {
        assertThat(everything(m.store(id))).isEqualTo(before.get(id));
        assertThat(snapshotFiles(m.config(id).dir())).isNotEmpty();
      }
      String after = createNode(m.store(ids.getLast()));
      for (Store s : m.stores()) {
        boolean seen = s.view(tx -> tx.nodes().find(after).isPresent());
        assertThat(seen).isTrue();
      }
    }
  }

  @Test
  void aManagerAddedLaterCatchesUpAndRemovedManagersLeaveTheGroup() throws Exception {
    try (TestManagers m = TestManagers.start(dir, 3, 5)) { // the log is purged behind snapshots
      for (int i = 0; i < 20; i++) {
        createNode(m.stores().get(i % 3));
      }
      List<StoreObject> objects = everything(m.stores().getFirst());

      String added = m.join();
      assertThat(everything(m.store(added))).isEqualTo(objects);
      assertThat(snapshotFiles(m.config(added).dir())).isNotEmpty(); // installed from the leader
      assertThat(m.store(added).managers()).extracting(ManagerInfo::nodeId)
          .containsExactlyInAnyOrderElementsOf(m.runningIds());

      assertThat(m.store(m.awaitLeader()).removeManager(added)).isTrue();
      m.stop(added);
      String leader = m.awaitLeader();
      assertThat(m.store(leader).managers()).hasSize(3);
      createNode(m.store(leader));

      assertThat(m.store(other(m, leader)).removeManager(leader)).isTrue(); // demote the leader
      m.stop(leader);
      String next = m.awaitLeader();
      assertThat(m.store(next).managers()).extracting(ManagerInfo::nodeId)
          .containsExactlyInAnyOrderElementsOf(m.runningIds());
      String last = createNode(m.store(other(m, next)));
      boolean seen = m.store(next).view(tx -> tx.nodes().find(last).isPresent());
      assertThat(seen).isTrue();
    }
  }

  @Test
  void concurrentChangesToOneObjectFromTwoManagersAllLand() throws Exception {
    try (TestManagers m = TestManagers.start(dir, 3, 10_000)) {
      String node = createNode(m.stores().getFirst());
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
          Store on = m.stores().get(w + 1);
          String prefix = "w" + w + "-";
          writers.add(pool.submit(() -> {
            for (int i = 0; i < 10; i++) {
              String key = prefix + i;
              on.update(tx -> {
                NodeObject n = tx.nodes().get(node);
                Map<String, String> labels = new HashMap<>(n.spec().labels());
                labels.put(key, "x");
                tx.nodes().update(n.withSpec(n.spec().withLabels(labels)));
                return null;
              });
            }
            return null;
          }));
        }
        for (Future<?> f : writers) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      Map<String, String> labels = m.stores().getFirst()
          .view(tx -> tx.nodes().get(node).spec().labels());
      assertThat(labels).hasSize(20);
    }
  }

  @Test
  void theLeaderIsToldWhenItLeadsAndEveryManagerSeesTheLeaderWatchInApplyOrder()
      throws Exception {
    try (TestManagers m = TestManagers.start(dir, 3, 10_000)) {
      String leader = m.awaitLeader();
      Map<String, List<Leadership>> told = new HashMap<>();
      for (String id : m.runningIds()) {
        List<Leadership> seen = new CopyOnWriteArrayList<>();
        told.put(id, seen);
        m.store(id).addListener(new StoreListener() {
          @Override
          public void leadershipChanged(Leadership l) {
            seen.add(l);
          }
        });
      }
      await("listeners told", () -> told.values().stream().noneMatch(List::isEmpty));
      assertThat(told.get(leader).getLast()).isEqualTo(new Leadership(leader, true));
      assertThat(told.get(other(m, leader)).getLast()).isEqualTo(new Leadership(leader, false));

      Store.WatchedView<Integer> start = m.store(leader)
          .viewAndWatch(tx -> tx.nodes().list().size(), StoreEvent.ofKind(Kind.NODE));
      List<String> written = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        written.add(createNode(m.store(other(m, leader))));
      }
      List<String> seenCreated = new ArrayList<>();
      try (Watch w = start.watch()) {
        while (seenCreated.size() < 5) {
          StoreEvent e = w.poll(Duration.ofSeconds(10));
          assertThat(e).as("an event within 10 s").isNotNull();
          if (e instanceof StoreEvent.Created c) {
            seenCreated.add(c.object().id());
            assertThat(w.poll(Duration.ofSeconds(10))).isInstanceOf(StoreEvent.Commit.class);
          }
        }
      }
      assertThat(start.value()).isZero();
      assertThat(seenCreated).isEqualTo(written);

      m.stop(leader);
      assertThat(told.get(leader).getLast().self()).isFalse();
      String next = m.awaitLeader();
      await("the new leader told", () -> told.get(next).getLast().equals(new Leadership(next, true)));
    }
  }

  @Test
  void openingWhereNoStoreIsFailsAndLeavesNothingBehind() throws Exception {
    StoreConfig config = new StoreConfig(dir.resolve("none"), Ids.newId(), Ids.newId(),
        new java.net.InetSocketAddress("127.0.0.1", TestManagers.freePort()), "127.0.0.1:1",
        RaftTls.none(), 0);

    assertThat(Store.exists(config)).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Store.open(config))
        .isInstanceOf(java.nio.file.NoSuchFileException.class)
        .hasMessageContaining("bootstrap or join first");
    assertThat(dir.resolve("none")).doesNotExist();
  }

  private static List<Path> snapshotFiles(Path root) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.getFileName().toString().matches("snapshot\\.\\d+_\\d+"))
          .toList();
    }
  }
}
