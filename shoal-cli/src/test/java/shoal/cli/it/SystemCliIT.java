package shoal.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.common.CommandResult;

@Tag("netns")
class SystemCliIT {
  static LabDaemon daemon;

  @BeforeAll
  static void up() throws Exception {
    daemon = LabDaemon.start();
  }

  @AfterAll
  static void down() {
    if (daemon != null) {
      daemon.close();
    }
  }

  @Test
  void versionShowsClientAndServerWithTheNegotiatedApiVersion() {
    CommandResult r = daemon.shoal("version");
    assertThat(r.exitCode()).as(r.failure()).isZero();
    assertThat(r.stdout()).startsWith("Client: Shoal\n Version:           0.1.0\n API version:       1.41\n");
    assertThat(r.stdout()).contains("\nServer: Shoal\n Engine:\n  Version:          0.1.0\n  API version:      1.41 (minimum version 1.24)\n");
  }

  @Test
  void versionFormatSeesDockersFieldNames() {
    CommandResult r = daemon.shoal("version", "--format", "{{.Server.APIVersion}} {{.Client.APIVersion}} {{.Server.Os}}");
    assertThat(r.stdout()).isEqualTo("1.41 1.41 linux\n");
  }

  @Test
  void infoFormatAnswersFromTheDaemonsInfo() {
    CommandResult r = daemon.shoal("info", "--format", "{{.Name}} {{.OSType}} {{json .Plugins.Log}}");
    assertThat(r.exitCode()).as(r.failure()).isZero();
    assertThat(r.stdout()).startsWith("sct").endsWith(" linux [\"json-file\"]\n");
  }

  @Test
  void infoListsTheServersCounters() {
    CommandResult r = daemon.shoal("info");
    assertThat(r.stdout()).contains("Server:\n Containers: ", "\n Images: ", "\n Server Version: 0.1.0\n");
  }

  @Test
  void hostFlagWinsOverTheEnvironment() {
    CommandResult r = LabDaemon.run(null, Map.of("SHOAL_HOST", "unix:///nonexistent.sock", "DOCKER_HOST", "unix:///nonexistent2.sock"),
        "-H", daemon.host(), "version", "--format", "{{.Server.Version}}");
    assertThat(r.stdout()).isEqualTo("0.1.0\n");
  }

  @Test
  void dockerHostIsUsedWhenShoalHostIsNotSet() {
    CommandResult r = LabDaemon.run(null, Map.of("SHOAL_HOST", "", "DOCKER_HOST", daemon.host()),
        "version", "--format", "{{.Server.Version}}");
    assertThat(r.stdout()).isEqualTo("0.1.0\n");
  }

  @Test
  void anUnreachableDaemonIsNamedAndExitsOne() {
    CommandResult r = LabDaemon.run(null, Map.of("SHOAL_HOST", "unix:///nonexistent.sock"), "ps");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).isEqualTo("Cannot connect to the Shoal daemon at unix:///nonexistent.sock. Is the daemon running?\n");
  }

  @Test
  void anUnknownCommandExitsOneLikeDocker() {
    CommandResult r = daemon.shoal("frobnicate");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).startsWith("shoal: unknown command: shoal frobnicate");
  }

  @Test
  void anUnknownFlagExits125WithTheCommandsUsage() {
    CommandResult r = daemon.shoal("ps", "--frobnicate");
    assertThat(r.exitCode()).isEqualTo(125);
    assertThat(r.stderr()).isEqualTo("unknown flag: --frobnicate\n\nUsage:  shoal ps [OPTIONS]\n\nRun 'shoal ps --help' for more information\n");
  }

  @Test
  void aMissingArgumentExitsOneLikeDocker() {
    CommandResult r = daemon.shoal("stop");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).startsWith("shoal: 'shoal stop' requires at least 1 argument\n\nUsage:  shoal stop [OPTIONS] CONTAINER [CONTAINER...]\n");
  }

  @Test
  void eventsOfATimeWindowPrintAsDockerPrintsThem() {
    long since = System.currentTimeMillis() / 1000 - 1;
    assertThat(daemon.shoal("network", "create", "evented").exitCode()).isZero();
    assertThat(daemon.shoal("network", "rm", "evented").exitCode()).isZero();
    String until = Long.toString(System.currentTimeMillis() / 1000 + 1);
    String[] args = {"events", "--since", Long.toString(since), "--until", until, "--filter", "type=network"};
    CommandResult ours = daemon.shoal(args);
    assertThat(ours.exitCode()).as(ours.failure()).isZero();
    assertThat(ours.stdout()).containsPattern("network create [0-9a-f]{64} \\(name=evented, type=bridge\\)\n");
    assertThat(ours.stdout()).isEqualTo(daemon.docker(args).stdout());
    CommandResult formatted = daemon.shoal("events", "--since", Long.toString(since), "--until", until,
        "--filter", "event=destroy", "--format", "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}");
    assertThat(formatted.stdout()).isEqualTo("network destroy evented\n");
  }
}
