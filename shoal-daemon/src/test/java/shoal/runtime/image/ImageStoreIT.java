package shoal.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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
}
