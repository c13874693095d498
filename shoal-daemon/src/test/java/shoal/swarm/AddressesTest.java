package shoal.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shoal.errors.InvalidArgumentException;

class AddressesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "192.168.77.11, 192.168.77.11:2377",
      "192.168.77.11:4000, 192.168.77.11:4000",
      "0.0.0.0, 0.0.0.0:2377",
      ":2377, 0.0.0.0:2377",
      "lo, 127.0.0.1:2377",
      "lo:5000, 127.0.0.1:5000",
      "'[::1]:7', '[0:0:0:0:0:0:0:1]:7'"})
  void addressesAreIpsOrInterfacesWithTheClusterPortByDefault(String given, String expected) {
    assertThat(Addresses.parse(given, 2377, "listen address").toString()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"192.168.77.11:0", "192.168.77.11:99999", "192.168.77.11:x", "no-such-interface0", "300.1.1.1"})
  void badAddressesAreRefusedWithTheirName(String given) {
    assertThatThrownBy(() -> Addresses.parse(given, 2377, "advertise address"))
        .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("advertise address");
  }

  @Test
  void raftListensOnThePortAfterTheClusterPort() {
    Addresses.HostPort cluster = Addresses.parse("10.0.0.1", 2377, "x");
    assertThat(Addresses.raftOf(cluster).toString()).isEqualTo("10.0.0.1:2378");
    assertThat(Addresses.clusterOfRaft("10.0.0.1:2378")).isEqualTo("10.0.0.1:2377");
    assertThat(Addresses.hostOf("10.0.0.1:2377")).isEqualTo("10.0.0.1");
    assertThat(Addresses.hostOf("[::1]:2377")).isEqualTo("::1");
  }

  @Test
  void theLoopbackRouteGivesALocalAddress() {
    assertThat(Addresses.towards(Addresses.parse("127.0.0.1", 2377, "x"))).isEqualTo("127.0.0.1");
  }
}
