package shoal.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shoal.net.ipam.Ipv4Address;
import shoal.net.ipam.Ipv4Subnet;

class GatewayBridgeRuleTest {
  private static Network net(String driver, boolean internal) {
    boolean bridge = driver.equals(Network.BRIDGE);
    return new Network(driver + internal, driver, driver, "2026-01-01T00:00:00Z", internal, false,
        Ipv4Subnet.parse("10.9.0.0/24"), Ipv4Address.parse("10.9.0.1"), null, false, Map.of(), Map.of(), Map.of(),
        Map.of(), bridge ? new Network.BridgeSettings("br-x", "02:42:00:00:00:01", 0, true) : null, false);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "overlay, true",
      "overlay+internal-overlay, true",
      "internal-overlay, false",
      "overlay+bridge, false",
      "overlay+internal-bridge, true",
      "bridge, false",
      "null, false",
  })
  void onlyAContainerWithAnOverlayWayOutAndNoLocalOneGetsDockerGwbridge(String networks, boolean wanted) {
    List<Network> ns = java.util.Arrays.stream(networks.split("\\+"))
        .map(n -> n.startsWith("internal-") ? net(n.substring(9), true) : net(n, false)).toList();
    assertThat(OverlayEndpoints.needsGatewayBridge(ns)).isEqualTo(wanted);
  }
}
