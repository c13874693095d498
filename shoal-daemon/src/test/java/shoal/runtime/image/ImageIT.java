package shoal.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.common.CommandResult;
import shoal.testing.TestDaemon;

/** Images through the stock docker CLI against a real shoald. */
@Tag("netns")
class ImageIT {
  static TestDaemon daemon;
  static Path work;

  @BeforeAll
  static void up() throws IOException {
    daemon = TestDaemon.start();
    work = Files.createTempDirectory("shoal-image-it");
  }

  @AfterAll
  static void down() throws IOException {
    if (daemon != null) {
      daemon.close();
    }
    Trees.delete(work);
  }

  @Test
  void dockerImagesShowsTheBuiltInBusyboxWithItsSizeAndAge() {
    String line = ok(daemon.docker("images", "--format", "{{.Repository}} {{.Tag}} {{.Size}} {{.CreatedSince}}"));
    assertThat(line.lines()).anyMatch(l -> l.matches("busybox latest 1\\.9\\dMB \\d+ years ago"));
    assertThat(ok(daemon.docker("info", "--format", "{{.Images}}")).strip()).matches("[1-9]\\d*");
  }

  @Test
  void distributionAnswersWithTheLocalImageSoServicesArePinnedWithoutARegistry() {
    String id = daemon.docker("image", "inspect", "-f", "{{.Id}}", "busybox").stdout().strip();
    String answer = daemon.api("GET", "/v1.41/distribution/busybox/json").stdout();
    assertThat(answer).contains("\"digest\":\"" + id + "\"").contains("\"architecture\":\"amd64\"");
    assertThat(daemon.api("GET", "/v1.41/distribution/nosuch/json").stdout()).contains("No such image: nosuch:latest");
  }

  @Test
  void busyboxHasTheSameIdOnTwoDaemons() throws IOException {
    String here = ok(daemon.docker("image", "inspect", "-f", "{{.Id}}", "busybox")).strip();
    try (TestDaemon other = TestDaemon.start()) {
      assertThat(ok(other.docker("image", "inspect", "-f", "{{.Id}}", "busybox")).strip()).isEqualTo(here);
    }
    assertThat(here).matches("sha256:[0-9a-f]{64}");
    String inspect = ok(daemon.docker("image", "inspect", "-f",
        "{{json .RepoTags}} {{json .Config.Cmd}} {{.Os}} {{.GraphDriver.Name}} {{.RootFS.Type}} {{len .RootFS.Layers}}", "busybox"));
    assertThat(inspect.strip()).isEqualTo("[\"busybox:latest\"] [\"sh\"] linux overlay2 layers 1");
  }

  @Test
  void tagAddsANameAndRmiOfThatNameOnlyUntags() {
    String id = ok(daemon.docker("image", "inspect", "-f", "{{.Id}}", "busybox")).strip();
    String since = Long.toString(java.time.Instant.now().getEpochSecond() - 1);
    ok(daemon.docker("tag", "busybox", "localhost:5000/team/tool:1.0"));
    assertThat(ok(daemon.docker("image", "inspect", "-f", "{{.Id}}", "localhost:5000/team/tool:1.0")).strip()).isEqualTo(id);
    assertThat(ok(daemon.docker("images", "--filter", "reference=localhost:5000/team/*", "--format", "{{.Repository}}:{{.Tag}}")).strip())
        .isEqualTo("localhost:5000/team/tool:1.0");
    assertThat(ok(daemon.docker("rmi", "localhost:5000/team/tool:1.0")).strip()).isEqualTo("Untagged: localhost:5000/team/tool:1.0");
    assertThat(ok(daemon.docker("image", "inspect", "-f", "{{.Id}}", "busybox")).strip()).isEqualTo(id);
    String events = ok(daemon.docker("events", "--since", since, "--until", until(), "--filter", "type=image", "--format", "{{.Action}} {{.Actor.Attributes.name}}"));
    assertThat(events).contains("tag localhost:5000/team/tool:1.0").contains("untag " + id);
  }

  @Test
  void unknownImagesAndBadNamesGetDockersErrors() {
    CommandResult r = daemon.docker("rmi", "nope");
    assertThat(r.ok()).isFalse();
    assertThat(r.stderr()).contains("No such image: nope:latest");
    r = daemon.docker("tag", "busybox", "Bad/Name");
    assertThat(r.ok()).isFalse();
    assertThat(r.stderr()).contains("invalid reference format");
    r = daemon.docker("image", "inspect", "nope:1");
    assertThat(r.stderr()).contains("No such image: nope:1");
    r = daemon.docker("pull", "nope");
    assertThat(r.ok()).isFalse();
    assertThat(r.stderr()).contains("no registry").contains("docker load").contains("docker import");
  }

  @Test
  void loadOfATwoLayerSaveTarballAppliesTheUpperLayersWhiteouts() throws IOException {
    SaveArchive a = SaveArchive.twoLayers("two:layers");
    Path file = work.resolve("two.tar");
    Files.write(file, a.bytes());
    assertThat(ok(daemon.docker("image", "load", "-i", file.toString())).strip()).isEqualTo("Loaded image: two:layers");
    assertThat(ok(daemon.docker("image", "inspect", "-f", "{{.Id}} {{json .RootFS.Layers}}", "two:layers")).strip())
        .isEqualTo(a.imageId() + " [\"" + String.join("\",\"", a.diffIds()) + "\"]");

    String upper = ok(daemon.docker("image", "inspect", "-f", "{{.GraphDriver.Data.UpperDir}}", "two:layers")).strip();
    String lower = ok(daemon.docker("image", "inspect", "-f", "{{.GraphDriver.Data.LowerDir}}", "two:layers")).strip();
    assertThat(ok(daemon.inHost("stat", "-c", "%F %t:%T", upper + "/etc/gone.txt")).strip()).isEqualTo("character special file 0:0");
    // What a container would see: both layers stacked by overlayfs.
    String merged = ok(daemon.inHost("unshare", "-m", "sh", "-c",
        "d=$(mktemp -d) && mount -t overlay overlay -o lowerdir=" + upper + ":" + lower + " $d"
            + " && ls $d/etc $d/opaque; cat $d/etc/kept.txt; umount $d; rmdir $d"));
    assertThat(merged).contains("kept.txt").contains("new.txt").doesNotContain("gone.txt").doesNotContain("old.txt");
    assertThat(merged).contains("from the upper layer");

    // Loading again moves nothing; a second name for the same image is added.
    Files.write(file, SaveArchive.twoLayers("two:again").bytes());
    assertThat(ok(daemon.docker("load", "-i", file.toString())).strip()).isEqualTo("Loaded image: two:again");
    assertThat(ok(daemon.docker("image", "inspect", "-f", "{{.Id}}", "two:again")).strip()).isEqualTo(a.imageId());
  }

  @Test
  void aContainerOfALoadedImageSeesTheUpperLayersDeletions() throws IOException {
    SaveArchive a = SaveArchive.onBusybox("three:layers");
    Path file = work.resolve("three.tar");
    Files.write(file, a.bytes());
    assertThat(ok(daemon.docker("load", "-i", file.toString())).strip()).isEqualTo("Loaded image: three:layers");
    String seen = ok(daemon.docker("run", "--rm", "three:layers", "sh", "-c",
        "ls /etc /opaque; cat /etc/kept.txt; test -e /etc/gone.txt || echo gone is gone"));
    assertThat(seen).contains("kept.txt", "new.txt", "from the upper layer", "gone is gone")
        .doesNotContain("gone.txt", "old.txt");
  }

  @Test
  void rmiOfAnImageAContainerUsesNeedsForceAndKeepsTheContainerWorking() throws IOException {
    Path file = work.resolve("used.tar");
    Files.write(file, SaveArchive.onBusybox("used:1").bytes());
    ok(daemon.docker("load", "-i", file.toString()));
    String id = ok(daemon.docker("image", "inspect", "-f", "{{.Id}}", "used:1")).strip();
    String container = ok(daemon.docker("create", "used:1", "cat", "/etc/kept.txt")).strip();

    CommandResult refused = daemon.docker("rmi", "used:1");
    assertThat(refused.ok()).isFalse();
    assertThat(refused.stderr()).contains("conflict: unable to remove repository reference \"used:1\" (must force) - container "
        + container.substring(0, 12) + " is using its referenced image " + id.substring(7, 19));

    assertThat(ok(daemon.docker("rmi", "-f", "used:1")).lines().toList()).containsExactly("Untagged: used:1", "Deleted: " + id);
    assertThat(ok(daemon.docker("images", "-a", "--format", "{{.ID}}"))).doesNotContain(id.substring(7, 19));
    assertThat(ok(daemon.docker("start", "-a", container))).isEqualTo("from the upper layer\n");
    ok(daemon.docker("rm", container));
  }

  @Test
  void saveThenRmiThenLoadGivesBackTheSameImage() throws IOException {
    Files.write(work.resolve("rt.tar"), SaveArchive.twoLayers("round:trip").bytes());
    ok(daemon.docker("load", "-i", work.resolve("rt.tar").toString()));
    String id = ok(daemon.docker("image", "inspect", "-f", "{{.Id}}", "round:trip")).strip();
    Path saved = work.resolve("saved.tar");
    ok(daemon.docker("save", "-o", saved.toString(), "round:trip"));
    ok(daemon.docker("rmi", "round:trip"));
    assertThat(ok(daemon.docker("load", "-i", saved.toString())).strip()).isEqualTo("Loaded image: round:trip");
    assertThat(ok(daemon.docker("image", "inspect", "-f", "{{.Id}}", "round:trip")).strip()).isEqualTo(id);
  }

  @Test
  void importMakesAnImageWithTheChangesApplied() throws IOException {
    Path rootfs = work.resolve("rootfs.tar");
    Files.write(rootfs, new TarBuilder().dir("bin").file("bin/hello", "#!/bin/sh\necho hello\n").bytes());
    String out = ok(daemon.docker("import", "-c", "CMD [\"/bin/sh\"]", "-c", "ENV A=b", "-c", "WORKDIR /srv",
        "-c", "EXPOSE 80", "-c", "LABEL team=core", "-m", "my rootfs", rootfs.toString(), "imported:1"));
    assertThat(out.strip()).matches("sha256:[0-9a-f]{64}");
    String config = ok(daemon.docker("image", "inspect", "-f",
        "{{.Id}}|{{json .Config.Cmd}}|{{json .Config.Env}}|{{.Config.WorkingDir}}|{{json .Config.ExposedPorts}}|{{.Config.Labels.team}}|{{.Comment}}",
        "imported:1"));
    assertThat(config.strip()).isEqualTo(out.strip() + "|[\"/bin/sh\"]|[\"A=b\"]|/srv|{\"80/tcp\":{}}|core|my rootfs");
    assertThat(ok(daemon.docker("history", "--format", "{{.Comment}}", "imported:1")).strip()).isEqualTo("my rootfs");

    List<String> rmi = ok(daemon.docker("rmi", "imported:1")).lines().toList();
    assertThat(rmi.getFirst()).isEqualTo("Untagged: imported:1");
    assertThat(rmi).contains("Deleted: " + out.strip());
    assertThat(daemon.docker("image", "inspect", out.strip()).ok()).isFalse();
  }

  @Test
  void pruneRemovesUntaggedImagesOnly() throws IOException {
    Path rootfs = work.resolve("dangling.tar");
    Files.write(rootfs, new TarBuilder().file("only.txt", "dangling\n").bytes());
    String id = ok(daemon.docker("import", rootfs.toString())).strip();
    assertThat(ok(daemon.docker("images", "--filter", "dangling=true", "--format", "{{.ID}} {{.Repository}}:{{.Tag}}")))
        .contains(id.substring(7, 19) + " <none>:<none>");
    String out = ok(daemon.docker("image", "prune", "-f"));
    assertThat(out).contains("deleted: " + id).contains("Total reclaimed space: 9B");
    assertThat(daemon.docker("image", "inspect", id).ok()).isFalse();
    assertThat(ok(daemon.docker("image", "inspect", "-f", "{{.Id}}", "busybox")).strip()).startsWith("sha256:");
  }

  @Test
  void junkInputIsRefusedAndLeavesNothingInTheStore() throws IOException {
    Path root = daemon.host().stateDir().resolve("lib");
    List<String> before = listing(root);
    String imagesBefore = ok(daemon.docker("images", "-a", "--format", "{{.ID}} {{.Repository}}:{{.Tag}}"));

    Path junk = work.resolve("junk.tar");
    Files.writeString(junk, "this is not a tarball\n".repeat(100));
    assertRefused(daemon.docker("load", "-i", junk.toString()), "invalid tar archive");
    assertRefused(daemon.docker("import", junk.toString(), "junk:1"), "invalid tar archive");

    byte[] good = SaveArchive.twoLayers("cut:short").bytes();
    Files.write(junk, Arrays.copyOf(good, good.length / 2));
    assertRefused(daemon.docker("load", "-i", junk.toString()), "invalid");

    Files.write(junk, new TarBuilder().file("hello.txt", "hi").bytes());
    assertRefused(daemon.docker("load", "-i", junk.toString()), "no manifest.json");

    // A layer whose content does not match the config: found only while storing it.
    Files.write(junk, SaveArchive.withWrongDiffId("bad:layer").bytes());
    assertRefused(daemon.docker("load", "-i", junk.toString()), "does not match");

    assertRefused(daemon.docker("import", "-c", "RUN rm -rf /", junk.toString()), "run is not a valid change command");

    assertThat(listing(root)).isEqualTo(before);
    assertThat(ok(daemon.docker("images", "-a", "--format", "{{.ID}} {{.Repository}}:{{.Tag}}"))).isEqualTo(imagesBefore);
  }

  /**
   * A moment just ahead: shoald's /events stops at once when {@code until} has passed, before
   * replaying what it kept, so "now" would show nothing.
   */
  private static String until() {
    return Long.toString(java.time.Instant.now().getEpochSecond() + 1);
  }

  private static void assertRefused(CommandResult r, String words) {
    assertThat(r.ok()).as(r.commandLine()).isFalse();
    assertThat(r.stderr()).contains(words);
  }

  /** Every path under the image and layer directories. */
  private static List<String> listing(Path root) throws IOException {
    try (Stream<Path> s = Stream.concat(Files.walk(root.resolve("image")), Files.walk(root.resolve("layers")))) {
      return s.map(p -> root.relativize(p).toString()).filter(p -> !p.startsWith("image/tmp/")).sorted().toList();
    }
  }

  private static String ok(CommandResult r) {
    assertThat(r.ok()).as(r.failure()).isTrue();
    return r.stdout();
  }

  /** A {@code docker save} archive built by hand. */
  record SaveArchive(byte[] bytes, String imageId, List<String> diffIds) {
    /**
     * Lower layer: etc/kept.txt, etc/gone.txt, opaque/old.txt. Upper layer (gzipped): deletes
     * etc/gone.txt, makes opaque/ opaque, adds opaque/new.txt, rewrites etc/kept.txt.
     */
    static SaveArchive twoLayers(String tag) {
      return archive(tag, List.of(lowerLayer(), upperLayer()), null, null);
    }

    /** The same two layers on top of the built-in busybox's layer, so that a shell can look. */
    static SaveArchive onBusybox(String tag) {
      try {
        Path busybox = Path.of("/bin/busybox");
        byte[] base = BuiltinBusybox.layerTar(Files.readAllBytes(busybox), BuiltinBusybox.applets(busybox));
        return archive(tag, List.of(base, lowerLayer(), upperLayer()), null, tag);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    static SaveArchive withWrongDiffId(String tag) {
      byte[] lower = new TarBuilder().file("a.txt", "a\n").bytes();
      byte[] upper = new TarBuilder().file("b.txt", "b\n").bytes();
      return archive(tag, List.of(lower, upper),
          List.of(Digests.of(lower), Digests.of("something else".getBytes(StandardCharsets.UTF_8))), null);
    }

    private static byte[] lowerLayer() {
      return new TarBuilder().dir("etc").file("etc/kept.txt", "from the lower layer\n")
          .file("etc/gone.txt", "to be deleted\n").dir("opaque").file("opaque/old.txt", "hidden\n").bytes();
    }

    private static byte[] upperLayer() {
      return new TarBuilder().dir("etc").file("etc/.wh.gone.txt", "")
          .file("etc/kept.txt", "from the upper layer\n").dir("opaque").file("opaque/.wh..wh..opq", "")
          .file("opaque/new.txt", "new\n").bytes();
    }

    /**
     * Layers bottom first; the last one is gzipped. {@code diffIds} null: the true ones. A
     * {@code label} (or none) makes the image differ from others with the same layers.
     */
    private static SaveArchive archive(String tag, List<byte[]> layers, List<String> diffIds, String label) {
      List<String> ids = diffIds != null ? diffIds : layers.stream().map(Digests::of).toList();
      var json = ConfigBlob.json();
      ObjectNode config = json.createObjectNode();
      config.put("architecture", "amd64");
      ObjectNode c = config.putObject("config");
      c.putArray("Cmd").add("/bin/sh");
      if (label != null) {
        c.putObject("Labels").put("test", label);
      }
      config.put("created", "2024-01-02T03:04:05Z");
      config.put("os", "linux");
      ObjectNode rootfs = config.putObject("rootfs");
      rootfs.put("type", "layers");
      ids.forEach(rootfs.putArray("diff_ids")::add);
      try {
        byte[] configBytes = json.writeValueAsBytes(config);
        String id = Digests.of(configBytes);
        TarBuilder tar = new TarBuilder();
        List<String> paths = new java.util.ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
          boolean last = i == layers.size() - 1;
          tar.dir("l" + i).file("l" + i + "/layer.tar", last ? TarBuilder.gzip(layers.get(i)) : layers.get(i), 0644);
          paths.add("\"l" + i + "/layer.tar\"");
        }
        String manifest = "[{\"Config\":\"" + id.substring(7) + ".json\",\"RepoTags\":[\"" + tag + "\"],"
            + "\"Layers\":[" + String.join(",", paths) + "]}]";
        tar.file(id.substring(7) + ".json", configBytes, 0644).file("manifest.json", manifest);
        return new SaveArchive(tar.bytes(), id, ids);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
