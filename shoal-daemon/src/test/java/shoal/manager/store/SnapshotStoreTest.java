package shoal.manager.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.Meta;
import shoal.manager.store.objects.NetworkObject;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.StoreObject;
import shoal.manager.store.objects.TaskObject;

class SnapshotStoreTest {
  @TempDir Path dir;

  private static final Meta META = new Meta(12, Instant.parse("2026-01-01T00:00:00Z"),
      Instant.parse("2026-01-02T00:00:00.123456789Z"));

  private static List<StoreObject> oneOfEachKind() {
    ClusterObject cluster = new ClusterObject("c1", META, ClusterObject.Spec.defaults()
            .withDispatcher(new ClusterObject.Dispatcher(Duration.ofMillis(1500))),
        new ClusterObject.JoinTokens("SWMTKN-1-w", "SWMTKN-1-m"),
        new ClusterObject.RootCa("-----BEGIN CERTIFICATE-----\nMII…\n", "key"),
        new ClusterObject.AddressPool(List.of("10.0.0.0/8"), 24));
    NodeObject node = Objects.node("n1").withMeta(META)
        .withRole(NodeObject.Role.MANAGER)
        .withStatus(new NodeObject.Status(NodeObject.State.READY, "", "10.0.0.2"))
        .withManagerStatus(new NodeObject.ManagerStatus("n1", "10.0.0.2:2378",
            NodeObject.Reachability.REACHABLE, true));
    return List.of(cluster, node,
        Objects.service("s1", "web").withMeta(META),
        new TaskObject("t1", META, "s1", "web", 1, "n1", null, 0, TaskObject.TaskState.RUNNING,
            null, null),
        new NetworkObject("w1", META, NetworkObject.Spec.named("ingress"), null));
  }

  @Test
  void aSnapshotReadsBackAsTheSameObjectsAndBecomesTheLatest() throws IOException {
    SnapshotStore store = new SnapshotStore();
    store.init(dir);
    StoreSnapshot written = new StoreSnapshot(TermIndex.valueOf(3, 40), oneOfEachKind());

    Path file = store.write(written);

    assertThat(file.getFileName().toString()).isEqualTo("snapshot.3_40");
    assertThat(store.getLatestSnapshot().getTermIndex()).isEqualTo(TermIndex.valueOf(3, 40));
    assertThat(store.loadLatest()).contains(written);
  }

  @Test
  void aSnapshotWhoseBytesChangedIsRefusedOnLoad() throws IOException {
    SnapshotStore store = new SnapshotStore();
    store.init(dir);
    Path file = store.write(new StoreSnapshot(TermIndex.valueOf(1, 9), oneOfEachKind()));
    String text = Files.readString(file);
    Files.writeString(file, text.replace("\"web\"", "\"wob\""), StandardCharsets.UTF_8);

    assertThatThrownBy(store::loadLatest)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is corrupt: checksum");
  }

  @Test
  void theNewestSnapshotIsTheLatestAndOldOnesBeyondTheRetentionGo() throws IOException {
    SnapshotStore store = new SnapshotStore();
    store.init(dir);
    for (long i : new long[] {5, 100, 20}) {
      store.write(new StoreSnapshot(TermIndex.valueOf(1, i), List.of()));
    }

    store.cleanupOldSnapshots(new SnapshotRetentionPolicy() {
      @Override
      public int getNumSnapshotsRetained() {
        return 2;
      }
    });

    assertThat(store.getLatestSnapshot().getTermIndex().getIndex()).isEqualTo(100);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("snapshot.1_20", "snapshot.1_100");
    }
  }

  @Test
  void fieldsAddedByALaterVersionAreIgnoredAndMissingOnesGetDefaults() throws IOException {
    String json = "{\"@kind\":\"node\",\"id\":\"n1\",\"someday\":{\"x\":1},"
        + "\"spec\":{\"name\":\"h\",\"future\":true}}";

    StoreObject o = StoreJson.read(json.getBytes(StandardCharsets.UTF_8), StoreObject.class);

    NodeObject n = (NodeObject) o;
    assertThat(n.spec().name()).isEqualTo("h");
    assertThat(n.spec().availability()).isEqualTo(NodeObject.Availability.ACTIVE);
    assertThat(n.meta()).isEqualTo(Meta.NONE);
    assertThat(n.status().state()).isEqualTo(NodeObject.State.UNKNOWN);
  }
}
