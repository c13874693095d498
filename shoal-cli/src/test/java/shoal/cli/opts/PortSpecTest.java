package shoal.cli.opts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortSpecTest {
  @ParameterizedTest(name = "-p {0}")
  @CsvSource(delimiter = '|', textBlock = """
      80                 | 80/tcp   ||
      8080:80            | 80/tcp   ||8080
      8080:80/udp        | 80/udp   ||8080
      127.0.0.1:8080:80  | 80/tcp   |127.0.0.1|8080
      127.0.0.1::80      | 80/tcp   |127.0.0.1|
      [::1]:8080:80      | 80/tcp   |::1|8080
      ::1:8080:80        | 80/tcp   |::1|8080
      8000-8010:80       | 80/tcp   ||8000-8010
      53:53/UDP          | 53/udp   ||53
      """)
  void parsesOneMapping(String raw, String port, String ip, String hostPort) {
    assertThat(PortSpec.parse(raw)).containsExactly(new PortSpec(port, ip == null ? "" : ip, hostPort == null ? "" : hostPort));
  }

  @org.junit.jupiter.api.Test
  void rangesPairPortByPort() {
    assertThat(PortSpec.parse("8000-8001:80-81")).containsExactly(
        new PortSpec("80/tcp", "", "8000"), new PortSpec("81/tcp", "", "8001"));
    assertThat(PortSpec.parse("80-81")).extracting(PortSpec::port).containsExactly("80/tcp", "81/tcp");
  }

  @ParameterizedTest(name = "-p {0}")
  @CsvSource(delimiter = '|', textBlock = """
      80:abc              | invalid containerPort: abc
      abc:80              | invalid hostPort: abc
      80/sctpx            | invalid proto: sctpx
      1.2.3.4.5:80:80     | invalid IP address: 1.2.3.4.5
      8000-8002:80-81     | invalid ranges specified for container and host Ports: 80-81 and 8000-8002
      8080:               | no port specified: 8080:<empty>
      70000               | invalid containerPort: 70000
      """)
  void refusesWhatDockerRefusesInItsWords(String raw, String message) {
    assertThatThrownBy(() -> PortSpec.parse(raw)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @org.junit.jupiter.api.Test
  void aHostPortRangeForOneContainerPortIsKeptAsARange() {
    assertThat(PortSpec.parse("8000-8010:80")).isEqualTo(List.of(new PortSpec("80/tcp", "", "8000-8010")));
  }
}
