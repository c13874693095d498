package shoal.net.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import shoal.errors.InvalidArgumentException;

class AddressAllocatorTest {
  private static Ipv4Address ip(String s) {
    return Ipv4Address.parse(s);
  }

  private static Set<Ipv4Address> ips(String... s) {
    return Stream.of(s).map(Ipv4Address::parse).collect(Collectors.toSet());
  }

  private final AddressAllocator bridge =
      new AddressAllocator(Ipv4Subnet.parse("172.17.0.0/16"), null, ip("172.17.0.1"));

  @Test
  void firstContainerGetsTheAddressAfterTheGateway() {
    assertThat(bridge.allocate(Set.of())).isEqualTo(ip("172.17.0.2"));
  }

  @Test
  void theLowestFreeAddressIsReusedAfterARelease() {
    assertThat(bridge.allocate(ips("172.17.0.3", "172.17.0.4"))).isEqualTo(ip("172.17.0.2"));
    assertThat(bridge.allocate(ips("172.17.0.2", "172.17.0.3"))).isEqualTo(ip("172.17.0.4"));
  }

  @Test
  void aGatewayInTheMiddleIsSkipped() {
    AddressAllocator a = new AddressAllocator(Ipv4Subnet.parse("10.5.0.0/29"), null, ip("10.5.0.2"));
    assertThat(a.allocate(ips("10.5.0.1"))).isEqualTo(ip("10.5.0.3"));
  }

  @Test
  void ipRangeBoundsAutomaticAddressesButNotFixedOnes() {
    AddressAllocator a = new AddressAllocator(
        Ipv4Subnet.parse("10.1.0.0/16"), Ipv4Subnet.parse("10.1.5.0/24"), ip("10.1.0.1"));
    // The range's own first address is an ordinary host of the subnet.
    assertThat(a.allocate(Set.of())).isEqualTo(ip("10.1.5.0"));
    assertThat(a.reserve(ip("10.1.9.9"), Set.of())).isEqualTo(ip("10.1.9.9"));
  }

  @Test
  void aFullNetworkSaysSo() {
    AddressAllocator a = new AddressAllocator(Ipv4Subnet.parse("10.5.0.0/30"), null, ip("10.5.0.1"));
    assertThat(a.allocate(Set.of())).isEqualTo(ip("10.5.0.2"));
    assertThatThrownBy(() -> a.allocate(ips("10.5.0.2")))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("no available IPv4 addresses");
  }

  @Test
  void fixedAddressesMustBeFreeUsableAndInside() {
    for (String bad : List.of("172.17.0.1", "172.17.0.0", "172.17.255.255", "172.17.0.9")) {
      assertThatThrownBy(() -> bridge.reserve(ip(bad), ips("172.17.0.9")))
          .as(bad).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("Address already in use");
    }
    assertThatThrownBy(() -> bridge.reserve(ip("10.0.0.2"), Set.of()))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("does not belong to any of this network's subnets");
  }
}
