package shoal.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import shoal.cli.format.Ports.Port;

class PortsTest {
  @Test
  void publishedPortShowsHostAddressAndPort() {
    assertThat(Ports.display(List.of(new Port("0.0.0.0", 80, 8080, "tcp")))).isEqualTo("0.0.0.0:8080->80/tcp");
  }

  @Test
  void exposedPortsGroupIntoRanges() {
    assertThat(Ports.display(List.of(
        new Port("", 82, 0, "tcp"), new Port("", 80, 0, "tcp"), new Port("", 81, 0, "tcp"), new Port("", 53, 0, "udp"))))
        .isEqualTo("53/udp, 80-82/tcp");
  }

  @Test
  void samePortOnBothSidesGroupsWithTheAddress() {
    assertThat(Ports.display(List.of(new Port("0.0.0.0", 9000, 9000, "tcp"), new Port("0.0.0.0", 9001, 9001, "tcp"))))
        .isEqualTo("0.0.0.0:9000-9001->9000-9001/tcp");
  }

  @Test
  void ipv6AddressesAreBracketedAndMappingsComeLast() {
    assertThat(Ports.display(List.of(
        new Port("::", 80, 8080, "tcp"), new Port("0.0.0.0", 80, 8080, "tcp"), new Port("", 443, 0, "tcp"))))
        .isEqualTo("443/tcp, 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp");
  }

  @Test
  void noPortsIsEmpty() {
    assertThat(Ports.display(List.of())).isEmpty();
  }
}
