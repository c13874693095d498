package shoal.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import shoal.errors.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.events.EventLog;

/** The store on a real file system, as root (owners, device nodes, trusted xattrs). */
@Tag("netns")
class ImageStoreIT {
  private static final Path BUSYBOX = Path.of("/bin/busybox");
  private Path dir;

  @BeforeEach
  void makeDir() throws IOException {
    dir = Files.createTempDirectory("shoal-imagestore-it");
  }

  @AfterEach
  void removeDir() throws IOException {
    Trees.delete(dir);
  }

  @Test
  void busyboxHasTheSameIdInEveryDataRootAndSurvivesAReopen() throws IOException {
    ImageStore one = ImageStore.open(dir.resolve("one"), new EventLog());
    ImageStore two = ImageStore.open(dir.resolve("two"), new EventLog());
    String id = BuiltinBusybox.ensure(one, BUSYBOX);
    assertThat(BuiltinBusybox.ensure(two, BUSYBOX)).isEqualTo(id);
    assertThat(one.resolve("busybox").id()).isEqualTo(id);
    assertThat(one.resolve("docker.io/library/busybox:latest").repoTags()).containsExactly("busybox:latest");

    ImageStore reopened = ImageStore.open(dir.resolve("one"), new EventLog());
    assertThat(reopened.resolve(id.substring(7, 19)).id()).isEqualTo(id);
    assertThat(BuiltinBusybox.ensure(reopened, BUSYBOX)).isEqualTo(id);
  }

  @Test
  void aReferenceWithADigestFindsTheImageOfThatIdWhateverItsName() throws IOException {
    ImageStore store = ImageStore.open(dir, new EventLog());
    BuiltinBusybox.ensure(store, BUSYBOX);
    String id = store.resolve("busybox").id();
    assertThat(store.resolve("busybox:latest@" + id).id()).isEqualTo(id);
    assertThat(store.resolve("anything/else:v1@" + id).id()).isEqualTo(id);
    String unknown = "sha256:" + "0".repeat(64);
    assertThatThrownBy(() -> store.resolve("busybox:latest@" + unknown))
        .isInstanceOf(shoal.errors.NotFoundException.class)
        .hasMessageContaining("No such image");
  }

  @Test
  void busyboxUnpacksWithLinksOwnersAndModes() throws IOException {
    ImageStore store = ImageStore.open(dir, new EventLog());
    BuiltinBusybox.ensure(store, BUSYBOX);
    Image img = store.resolve("busybox");
    List<Path> lower = store.lowerDirs(img);
    assertThat(lower).hasSize(1);
    Path root = lower.getFirst();
    Object binInode = Files.getAttribute(root.resolve("bin/busybox"), "unix:ino");
    assertThat(Files.getAttribute(root.resolve("bin/sh"), "unix:ino")).isEqualTo(binInode);
    assertThat(Files.getAttribute(root.resolve("usr/bin/wc"), "unix:ino")).isEqualTo(binInode);
    assertThat((int) Files.getAttribute(root.resolve("tmp"), "unix:mode") & 07777).isEqualTo(01777);
    assertThat(Files.readString(root.resolve("etc/passwd"))).contains("nobody:x:65534");
    assertThat(img.size()).isEqualTo(Files.size(BUSYBOX) + Files.size(root.resolve("etc/passwd")) + Files.size(root.resolve("etc/group")));
    assertThat(img.config().cmd()).containsExactly("sh");
  }

  @Test
  void aCrashLeftoverInTheTemporaryDirectoryIsRemovedAtOpen() throws IOException {
    ImageStore.open(dir, new EventLog());
    Path half = Files.createDirectories(dir.resolve("layers/tmp/layer-123/diff/bin"));
    Files.writeString(half.resolve("sh"), "half");
    ImageStore.open(dir, new EventLog());
    try (Stream<Path> s = Files.list(dir.resolve("layers/tmp"))) {
      assertThat(s.toList()).isEmpty();
    }
  }

  @Test
  void aLayerNoImageUsesIsRemovedAtOpen() throws IOException {
    ImageStore store = ImageStore.open(dir, new EventLog());
    String id = BuiltinBusybox.ensure(store, BUSYBOX);
    Path layer = store.lowerDirs(store.resolve(id)).getFirst().getParent();
    // As if the daemon died after storing the layer, before the config.
    Files.delete(dir.resolve("image/imagedb/content/sha256").resolve(id.substring(7)));
    ImageStore.open(dir, new EventLog());
    assertThat(Files.exists(layer, LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  /** Containers by image, and which of them run: what the container side would answer. */
  private static final class Usage implements ImageUsage {
    final Map<String, List<String>> users = new java.util.HashMap<>();
    final List<String> running = new ArrayList<>();

    @Override
    public List<String> containersUsing(String imageId) {
      return users.getOrDefault(imageId, List.of());
    }

    @Override
    public List<String> runningContainersUsing(String imageId) {
      return containersUsing(imageId).stream().filter(running::contains).toList();
    }
  }

  @Test
  void rmiRefusesImagesThatContainersUseInDockersWords() throws IOException {
    ImageStore store = ImageStore.open(dir, new EventLog());
    String id = BuiltinBusybox.ensure(store, BUSYBOX);
    String shortId = id.substring(7, 19);
    Usage usage = new Usage();
    store.setUsage(usage);
    usage.users.put(id, List.of("c0ffee0123456789"));

    assertThatThrownBy(() -> store.remove("busybox", false))
        .isInstanceOf(ConflictException.class)
        .hasMessage("conflict: unable to remove repository reference \"busybox\" (must force) - container c0ffee012345 is using its referenced image " + shortId);
    assertThatThrownBy(() -> store.remove(shortId, false))
        .hasMessage("conflict: unable to delete " + shortId + " (must be forced) - image is being used by stopped container c0ffee012345");
    usage.running.add("c0ffee0123456789");
    assertThatThrownBy(() -> store.remove(shortId, true))
        .hasMessage("conflict: unable to delete " + shortId + " (cannot be forced) - image is being used by running container c0ffee012345");
    assertThat(store.resolve("busybox").id()).isEqualTo(id);
  }

  @Test
  void aForcedRmiKeepsTheLayersOfStoppedContainersUntilTheyAreGone() throws IOException {
    ImageStore store = ImageStore.open(dir, new EventLog());
    String id = BuiltinBusybox.ensure(store, BUSYBOX);
    Usage usage = new Usage();
    store.setUsage(usage);
    usage.users.put(id, List.of("c0ffee0123456789"));
    Path layer = store.lowerDirs(store.resolve(id)).getFirst();

    assertThat(store.remove("busybox", true))
        .containsExactly(new DeleteResult("busybox:latest", null), new DeleteResult(null, id));
    assertThat(store.list()).isEmpty();
    assertThat(store.lowerDirs(store.resolve(id))).containsExactly(layer); // the container can still start
    assertThat(Files.isDirectory(layer)).isTrue();

    usage.users.clear();
    assertThatThrownBy(() -> store.remove("nothing", false)).hasMessage("No such image: nothing:latest");
    assertThat(Files.exists(layer)).isFalse();
  }

  @Test
  void rmiByIdOfAnImageWithSeveralTagsNeedsForce() throws IOException {
    ImageStore store = ImageStore.open(dir, new EventLog());
    String id = BuiltinBusybox.ensure(store, BUSYBOX);
    store.tag("busybox", "other:1");
    assertThatThrownBy(() -> store.remove(id, false))
        .hasMessage("conflict: unable to delete " + id.substring(7, 19) + " (must be forced) - image is referenced in multiple repositories");
    List<DeleteResult> out = store.remove(id, true);
    assertThat(out).startsWith(new DeleteResult("busybox:latest", null), new DeleteResult("other:1", null), new DeleteResult(null, id));
    assertThat(out).hasSize(4); // and the layer
  }

  @Test
  void loadsAPlainOciLayoutWithoutManifestJson() throws IOException {
    ImageStore store = ImageStore.open(dir, new EventLog());
    byte[] layer = new TarBuilder().dir("etc").file("etc/os-release", "ID=test\n").bytes();
    String diffId = Digests.of(layer);
    byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"sh\"]},"
        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] gz = TarBuilder.gzip(layer);
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + Digests.of(config) + "\",\"size\":" + config.length + "},"
        + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"" + Digests.of(gz) + "\",\"size\":" + gz.length + "}]}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String index = "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        + "\"digest\":\"" + Digests.of(manifest) + "\",\"size\":" + manifest.length + ","
        + "\"annotations\":{\"io.containerd.image.name\":\"docker.io/library/oci:1\",\"org.opencontainers.image.ref.name\":\"1\"}}]}";
    byte[] archive = new TarBuilder().file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}").file("index.json", index)
        .dir("blobs/sha256").file("blobs/sha256/" + Digests.hex(Digests.of(config)), config, 0644)
        .file("blobs/sha256/" + Digests.hex(Digests.of(gz)), gz, 0644)
        .file("blobs/sha256/" + Digests.hex(Digests.of(manifest)), manifest, 0644).bytes();

    assertThat(new ImageLoader(store).load(new ByteArrayInputStream(archive))).containsExactly("Loaded image: oci:1");
    Image img = store.resolve("oci:1");
    assertThat(img.id()).isEqualTo(Digests.of(config));
    assertThat(Files.readString(store.lowerDirs(img).getFirst().resolve("etc/os-release"))).isEqualTo("ID=test\n");
  }

  @Test
  void loadingATagThatExistsMovesItAndSaysSoAsDockerDoes() throws IOException {
    ImageStore store = ImageStore.open(dir, new EventLog());
    String busybox = BuiltinBusybox.ensure(store, BUSYBOX);
    store.tag("busybox", "moved:1");
    ImageIT.SaveArchive a = ImageIT.SaveArchive.twoLayers("moved:1");
    assertThat(new ImageLoader(store).load(new ByteArrayInputStream(a.bytes())))
        .containsExactly("The image moved:1 already exists, renaming the old one with ID " + busybox + " to empty string", "Loaded image: moved:1");
    assertThat(store.resolve("moved:1").id()).isEqualTo(a.imageId());
    assertThat(store.resolve("busybox").repoTags()).containsExactly("busybox:latest");
  }
}
