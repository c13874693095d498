package shoal.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.common.CommandResult;
import shoal.common.Commands;

/** Image commands of this CLI against a real shoald, compared with the docker CLI. */
@Tag("netns")
class ImageCliIT {
  static LabDaemon daemon;
  static Path work;

  @BeforeAll
  static void up() throws Exception {
    daemon = LabDaemon.start();
    work = Files.createDirectories(daemon.stateDir().resolve("cli-images"));
  }

  @AfterAll
  static void down() {
    if (daemon != null) {
      daemon.close();
    }
  }

  private static CommandResult ok(CommandResult r) {
    assertThat(r.exitCode()).as(r.failure()).isZero();
    return r;
  }

  /** A root file system of one file, as a tarball. */
  private static Path rootfsTar(String name) throws IOException {
    Path dir = Files.createDirectories(work.resolve(name + "-rootfs/etc"));
    Files.writeString(dir.resolve("greeting"), "hello\n");
    Path tar = work.resolve(name + ".tar");
    Commands.check("tar", "-C", dir.getParent().toString(), "-cf", tar.toString(), ".");
    return tar;
  }

  @Test
  void imagesTableMatchesDockersForTheSameImages() {
    ok(daemon.shoal("tag", "busybox", "mirror/box:1.0"));
    for (String[] args : new String[][] {{"images"}, {"images", "-a"}, {"images", "-q"}, {"images", "--no-trunc"},
        {"image", "ls", "busybox"}, {"images", "--digests"}, {"images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}"},
        {"images", "--filter", "reference=mirror/*"}}) {
      // docker orders the repositories of one image by Go's random map order: compare as sets
      CommandResult ours = ok(daemon.shoal(args));
      assertThat(ours.stdout().lines().sorted().toList()).as(String.join(" ", args))
          .isEqualTo(daemon.docker(args).stdout().lines().sorted().toList());
      if (!List.of(args).contains("--format")) {
        // The header line; without one the first line is one of those randomly ordered repositories.
        assertThat(ours.stdout().lines().findFirst()).isEqualTo(daemon.docker(args).stdout().lines().findFirst());
      }
    }
    assertThat(ok(daemon.shoal("images", "mirror/box")).stdout()).contains("mirror/box   1.0       ");
    assertThat(ok(daemon.shoal("rmi", "mirror/box:1.0")).stdout()).isEqualTo("Untagged: mirror/box:1.0\n");
  }

  @Test
  void imageInspectIsTheDaemonsJsonLikeDocker() {
    assertThat(ok(daemon.shoal("image", "inspect", "busybox")).stdout()).isEqualTo(daemon.docker("image", "inspect", "busybox").stdout());
    assertThat(ok(daemon.shoal("image", "inspect", "-f", "{{.Os}}/{{.Architecture}} {{json .Config.Cmd}}", "busybox")).stdout())
        .isEqualTo("linux/amd64 [\"sh\"]\n");
    CommandResult missing = daemon.shoal("image", "inspect", "nosuch");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stdout()).isEqualTo("[]\n");
    assertThat(missing.stderr()).isEqualTo(daemon.docker("image", "inspect", "nosuch").stderr());
  }

  @Test
  void loadReadsADockerSaveTarballFromAFileOrStdin() throws IOException {
    Path saved = work.resolve("busybox-saved.tar");
    ok(daemon.docker("save", "busybox", "-o", saved.toString()));
    ok(daemon.shoal("tag", "busybox", "copy:1"));
    ok(daemon.shoal("rmi", "copy:1"));
    CommandResult fromFile = ok(daemon.shoal("image", "load", "-i", saved.toString()));
    assertThat(fromFile.stdout()).isEqualTo("Loaded image: busybox:latest\n");
    CommandResult fromStdin = ok(daemon.shoal(Files.readAllBytes(saved), "load"));
    assertThat(fromStdin.stdout()).isEqualTo("Loaded image: busybox:latest\n");
    CommandResult notATarball = daemon.shoal("image", "load", "-i", rootfsTar("notsaved").toString());
    assertThat(notATarball.exitCode()).isEqualTo(1);
    assertThat(notATarball.stderr()).isEqualTo(daemon.docker("image", "load", "-i", rootfsTar("notsaved").toString()).stderr());
    assertThat(daemon.shoal("load", "-i", "/nonexistent.tar").stderr()).isEqualTo("open /nonexistent.tar: no such file or directory\n");
  }

  @Test
  void importMakesAnImageFromARootFilesystemWithChangesAndMessage() throws IOException {
    Path tar = rootfsTar("fs");
    CommandResult r = ok(daemon.shoal("image", "import", "-c", "ENV A=b", "-c", "CMD [\"cat\", \"/etc/greeting\"]",
        "-m", "from a test", tar.toString(), "myfs:v1"));
    assertThat(r.stdout()).matches("sha256:[0-9a-f]{64}\n");
    assertThat(ok(daemon.shoal("image", "inspect", "-f", "{{.Comment}} {{.Config.Env}} {{.Config.Cmd}}", "myfs:v1")).stdout())
        .isEqualTo("from a test [A=b] [cat /etc/greeting]\n");
    CommandResult viaStdin = ok(daemon.shoal(Files.readAllBytes(tar), "import", "-", "myfs:v2"));
    assertThat(viaStdin.stdout()).matches("sha256:[0-9a-f]{64}\n");
    assertThat(ok(daemon.shoal("images", "--format", "{{.Repository}}:{{.Tag}} {{.Size}}", "myfs")).stdout())
        .isEqualTo("myfs:v2 6B\nmyfs:v1 6B\n");
  }

  @Test
  void rmiReportsEachImageAndFailsForMissingOnes() {
    ok(daemon.shoal("tag", "busybox", "gone:1"));
    CommandResult r = daemon.shoal("rmi", "gone:1", "nosuch");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).isEqualTo("Untagged: gone:1\n");
    assertThat(r.stderr()).isEqualTo("Error response from daemon: No such image: nosuch:latest\n");
    CommandResult forced = daemon.shoal("image", "rm", "-f", "nosuch");
    assertThat(forced.exitCode()).isEqualTo(daemon.docker("image", "rm", "-f", "nosuch").exitCode());
  }
}
