package shoal.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.testing.TestDaemon;

@Tag("netns")
class SystemApiIT {
  static TestDaemon daemon;

  @BeforeAll
  static void up() throws Exception {
    daemon = TestDaemon.start();
  }

  @AfterAll
  static void down() {
    if (daemon != null) {
      daemon.close();
    }
  }

  @Test
  void dockerVersionNegotiatesDownToShoalsApiVersion() {
    var r = daemon.docker("version", "--format", "{{.Server.APIVersion}} {{.Client.APIVersion}}");
    assertThat(r.ok()).as(r.failure()).isTrue();
    assertThat(r.stdout().strip()).isEqualTo("1.41 1.41");
  }

  @Test
  void pingAnswersWithApiVersionHeader() {
    var r = daemon.api("GET", "/_ping");
    assertThat(r.stdout()).isEqualTo("OK");
  }

  @Test
  void unknownPathIsNotFoundInDockersErrorShape() {
    var r = daemon.api("GET", "/v1.41/nothing/here");
    assertThat(r.stdout()).isEqualTo("{\"message\":\"page not found\"}");
  }

  @Test
  void tooNewClientVersionIsRefusedWithDockersMessage() {
    var r = daemon.api("GET", "/v1.99/version");
    assertThat(r.stdout()).contains("client version 1.99 is too new");
  }

  @Test
  void infoReportsTheHostsOwnHostname() {
    var r = daemon.docker("info", "--format", "{{.Name}}");
    assertThat(r.stdout().strip()).startsWith("sdt");
  }
}
