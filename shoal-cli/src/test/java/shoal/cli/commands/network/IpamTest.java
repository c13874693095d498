package shoal.cli.commands.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IpamTest {
  @Test
  void rangesGatewaysAndAuxAddressesJoinTheSubnetThatHoldsThem() {
    var pools = Ipam.config(List.of("10.1.0.0/16", "10.2.0.0/16"), List.of("10.2.1.0/24"),
        List.of("10.2.0.1", "10.1.0.254"), Map.of("host1", "10.1.0.5"));
    assertThat(pools).containsExactly(
        Map.of("Subnet", "10.1.0.0/16", "Gateway", "10.1.0.254", "AuxiliaryAddresses", Map.of("host1", "10.1.0.5")),
        Map.of("Subnet", "10.2.0.0/16", "IPRange", "10.2.1.0/24", "Gateway", "10.2.0.1"));
  }

  @Test
  void mistakesAreRefusedInDockersWords() {
    assertThatThrownBy(() -> Ipam.config(List.of(), List.of(), List.of("10.0.0.1"), Map.of()))
        .hasMessage("every ip-range or gateway must have a corresponding subnet");
    assertThatThrownBy(() -> Ipam.config(List.of("10.1.0.0/24"), List.of(), List.of("10.2.0.1"), Map.of()))
        .hasMessage("no matching subnet for gateway 10.2.0.1");
    assertThatThrownBy(() -> Ipam.config(List.of("10.1.0.0/16", "10.1.2.0/24"), List.of(), List.of(), Map.of()))
        .hasMessage("multiple overlapping subnet configuration is not supported");
    assertThatThrownBy(() -> Ipam.config(List.of("10.1.0.0/33"), List.of(), List.of("10.1.0.1"), Map.of()))
        .hasMessage("invalid subnet: invalid CIDR address: 10.1.0.0/33");
  }

  @Test
  void aLoneSubnetIsLeftForTheDaemonToJudge() {
    assertThat(Ipam.config(List.of("10.1.0.0/33"), List.of(), List.of(), Map.of()))
        .containsExactly(Map.of("Subnet", "10.1.0.0/33"));
  }
}
