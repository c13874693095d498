package shoal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shoal.errors.InvalidArgumentException;

class PortBindingsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "80/tcp||8080|tcp|80||8080",
      "80||8080|tcp|80||8080",
      "53/udp|127.0.0.1|5353|udp|53|127.0.0.1|5353",
      "80/tcp|0.0.0.0||tcp|80||0",
      "443/TCP|10.0.0.1|443|tcp|443|10.0.0.1|443"})
  void dockersPortBindingsBecomeBindings(String key, String hostIp, String hostPort,
      String proto, int containerPort, String wantIp, int wantPort) {
    var parsed = PortBindings.parse(Map.of(key, List.of(Map.of(
        "HostIp", hostIp == null ? "" : hostIp, "HostPort", hostPort == null ? "" : hostPort))));
    assertThat(parsed).containsExactly(
        new PortBinding(proto, containerPort, wantIp == null ? "" : wantIp, wantPort));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "x/tcp||80|invalid containerPort",
      "0/tcp||80|invalid containerPort",
      "80/sctp||80|invalid proto",
      "80/tcp||99999|invalid hostPort",
      "80/tcp|300.1.1.1|80|invalid IP address",
      "80/tcp||8000-8010|host port ranges"})
  void badBindingsAreRefused(String key, String hostIp, String hostPort, String message) {
    assertThatThrownBy(() -> PortBindings.parse(Map.of(key, List.of(Map.of(
        "HostIp", hostIp == null ? "" : hostIp, "HostPort", hostPort)))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource({"::", "::1"})
  void ipv6BindingsAreLeftOut(String hostIp) {
    assertThat(PortBindings.parse(Map.of("80/tcp", List.of(Map.of("HostIp", hostIp, "HostPort", "80"))))).isEmpty();
  }
}
