package shoal.cli.opts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import shoal.cli.json.Json;

class OptionsTest {
  @ParameterizedTest(name = "--restart {0}")
  @CsvSource({"no, no, 0", "always, always, 0", "on-failure, on-failure, 0", "on-failure:3, on-failure, 3", "unless-stopped, unless-stopped, 0"})
  void restartPolicyNameAndCount(String raw, String name, int count) {
    assertThat(RestartPolicy.parse(raw)).isEqualTo(new RestartPolicy(name, count));
  }

  @Test
  void restartPolicyErrorsAreDockers() {
    assertThatThrownBy(() -> RestartPolicy.parse("on-failure:x"))
        .hasMessage("invalid restart policy format: maximum retry count must be an integer");
    assertThatThrownBy(() -> RestartPolicy.parse(":3"))
        .hasMessage("invalid restart policy format: no policy provided before colon");
  }

  @Test
  void envWithoutValueIsTakenFromTheLocalEnvironmentWhenSet() {
    Map<String, String> local = Map.of("HOME", "/root");
    assertThat(KeyValues.env("A=b=c", local)).isEqualTo("A=b=c");
    assertThat(KeyValues.env("HOME", local)).isEqualTo("HOME=/root");
    assertThat(KeyValues.env("UNSET", local)).isEqualTo("UNSET");
    assertThatThrownBy(() -> KeyValues.env("=x", local)).hasMessage("invalid environment variable: =x");
  }

  @Test
  void filtersAreEncodedAsDockersMapOfSets() {
    assertThat(FilterArgs.encode(List.of("status=running", "label=a=b", "status=exited")))
        .isEqualTo("{\"status\":{\"running\":true,\"exited\":true},\"label\":{\"a=b\":true}}");
    assertThat(FilterArgs.encode(List.of())).isNull();
    assertThatThrownBy(() -> FilterArgs.encode(List.of("nokey"))).hasMessage("bad format of filter (expected name=value)");
  }

  @Test
  void relativeAndAbsoluteTimesBecomeUnixSeconds() {
    Instant now = Instant.parse("2024-05-01T10:00:00Z");
    assertThat(Timestamps.toApi("10m", now)).isEqualTo((now.getEpochSecond() - 600) + ".000000000");
    assertThat(Timestamps.toApi("1h30m", now)).isEqualTo((now.getEpochSecond() - 5400) + ".000000000");
    assertThat(Timestamps.toApi("2024-05-01T09:00:00Z", now)).isEqualTo((now.getEpochSecond() - 3600) + ".000000000");
    assertThat(Timestamps.toApi("1714550000", now)).isEqualTo("1714550000");
    assertThatThrownBy(() -> Timestamps.toApi("yesterday", now)).hasMessageContaining("invalid value for timestamp");
  }

  @Test
  void runFlagsBuildDockersCreateRequest() throws Exception {
    ContainerOptions o = new ContainerOptions();
    new CommandLine(new Holder(o)).parseArgs("-it", "--rm", "--name", "web", "-e", "A=b", "-p", "127.0.0.1:8080:80",
        "-l", "tier=front", "--restart", "no", "--network", "front", "--ip", "10.5.0.9", "-w", "/srv", "-u", "1000",
        "--hostname", "h1", "--entrypoint", "", "--stop-timeout", "3");
    Map<String, Object> body = o.createBody("busybox", List.of("sh"), true, Map.of());
    assertThat(Json.write(body)).isEqualTo("{\"Hostname\":\"h1\",\"Domainname\":\"\",\"User\":\"1000\","
        + "\"AttachStdin\":true,\"AttachStdout\":true,\"AttachStderr\":true,\"ExposedPorts\":{\"80/tcp\":{}},"
        + "\"Tty\":true,\"OpenStdin\":true,\"StdinOnce\":true,\"Env\":[\"A=b\"],\"Cmd\":[\"sh\"],\"Image\":\"busybox\","
        + "\"WorkingDir\":\"/srv\",\"Entrypoint\":[\"\"],\"Labels\":{\"tier\":\"front\"},\"StopTimeout\":3,"
        + "\"HostConfig\":{\"NetworkMode\":\"front\",\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"8080\"}]},"
        + "\"RestartPolicy\":{\"Name\":\"no\",\"MaximumRetryCount\":0},\"AutoRemove\":true,\"PublishAllPorts\":false,\"Privileged\":false},"
        + "\"NetworkingConfig\":{\"EndpointsConfig\":{\"front\":{\"IPAMConfig\":{\"IPv4Address\":\"10.5.0.9\"}}}}}");
  }

  @Test
  void detachedRunAttachesNothingAndRmConflictsWithRestart() throws Exception {
    ContainerOptions o = new ContainerOptions();
    new CommandLine(new Holder(o)).parseArgs("-i", "--restart", "always", "--rm");
    assertThatThrownBy(() -> o.createBody("busybox", List.of(), false, Map.of()))
        .hasMessage("conflicting options: cannot specify both --restart and --rm");
    ContainerOptions d = new ContainerOptions();
    new CommandLine(new Holder(d)).parseArgs("-i");
    Map<String, Object> body = d.createBody("busybox", List.of(), false, Map.of());
    assertThat(body).containsEntry("AttachStdin", false).containsEntry("AttachStdout", false)
        .containsEntry("OpenStdin", true).containsEntry("StdinOnce", false).containsEntry("Cmd", null);
  }

  @CommandLine.Command
  static final class Holder {
    @CommandLine.Mixin final ContainerOptions opts;

    Holder(ContainerOptions opts) {
      this.opts = opts;
    }
  }
}
