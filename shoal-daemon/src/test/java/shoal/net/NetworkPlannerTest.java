package shoal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import shoal.errors.ConflictException;
import shoal.errors.ForbiddenException;
import shoal.errors.InvalidArgumentException;
import shoal.errors.ShoalException;
import shoal.net.ipam.AddressPools;
import shoal.net.ipam.Ipv4Subnet;

class NetworkPlannerTest {
  private final NetworkPlanner planner = new NetworkPlanner(AddressPools.dockerDefaults());
  private final Instant now = Instant.parse("2026-01-02T03:04:05.123456789Z");
  private final List<Network> predefined = List.of(
      planner.predefined("bridge", List.of(), List.of(), now),
      planner.predefined("host", List.of(), List.of(), now),
      planner.predefined("none", List.of(), List.of(), now));

  private Network plan(NetworkCreateRequest r) {
    return planner.plan(r, predefined, List.of(), Set.of("lo", "shoal0"), now);
  }

  private static NetworkCreateRequest withSubnet(String name, String subnet, String range, String gateway) {
    return new NetworkCreateRequest(name, "bridge", false, false, false, false, false, "", "", "default",
        List.of(new NetworkCreateRequest.IpamConfig(subnet, range, gateway, Map.of())), Map.of(), Map.of(), Map.of());
  }

  private static NetworkCreateRequest withOptions(String name, Map<String, String> options) {
    return new NetworkCreateRequest(name, "", false, false, false, false, false, "", "", "", List.of(),
        Map.of(), options, Map.of());
  }

  @Test
  void defaultBridgeIsShoal0On172_17WithDockersOptions() {
    Network b = predefined.getFirst();
    assertThat(b.subnet()).hasToString("172.17.0.0/16");
    assertThat(b.gateway()).hasToString("172.17.0.1");
    assertThat(b.bridge().device()).isEqualTo("shoal0");
    assertThat(b.options()).containsEntry("com.docker.network.bridge.default_bridge", "true");
  }

  @Test
  void aPlainUserNetworkTakesTheNextPoolAndABridgeNamedAfterItsId() {
    Network n = plan(NetworkCreateRequest.named("web"));
    assertThat(n.subnet()).hasToString("172.18.0.0/16");
    assertThat(n.gateway()).hasToString("172.18.0.1");
    assertThat(n.bridge().device()).isEqualTo("br-" + n.id().substring(0, 12));
    assertThat(n.userSubnet()).isFalse();
    assertThat(n.created()).isEqualTo("2026-01-02T03:04:05.123456789Z");
  }

  @Test
  void aPoolUnderAHostRouteIsSkipped() {
    Network n = planner.plan(NetworkCreateRequest.named("web"), predefined,
        List.of(Ipv4Subnet.parse("172.18.7.0/24")), Set.of(), now);
    assertThat(n.subnet()).hasToString("172.19.0.0/16");
  }

  @Test
  void subnetGatewayAndRangeAreTakenAsGiven() {
    Network n = plan(withSubnet("db", "10.20.0.0/16", "10.20.30.0/24", "10.20.0.254"));
    assertThat(n.subnet()).hasToString("10.20.0.0/16");
    assertThat(n.gateway()).hasToString("10.20.0.254");
    assertThat(n.ipRange()).hasToString("10.20.30.0/24");
    assertThat(n.userSubnet()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "-lead", ".dot", "semi;colon", "slash/x", "é"})
  void invalidNamesAreRefused(String name) {
    assertThatThrownBy(() -> plan(NetworkCreateRequest.named(name)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("invalid network name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "web", "my_net.1-x", "X9"})
  void validNamesAreAccepted(String name) {
    assertThat(plan(NetworkCreateRequest.named(name)).name()).isEqualTo(name);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "10.1.0.0/33|||invalid CIDR address",
      "10.1.0.5/16|||has host bits",
      "172.17.5.0/24|||Pool overlaps with other one",
      "10.1.0.0/16||10.2.0.1|no matching subnet for gateway 10.2.0.1",
      "10.1.0.0/16||10.1.0.0|network or broadcast address",
      "10.1.0.0/16||nonsense|invalid IPv4 address: nonsense",
      "10.1.0.0/16|10.2.0.0/24||no matching subnet for range 10.2.0.0/24",
      "10.1.0.0/16|10.0.0.0/8||no matching subnet for range",
      "|10.1.0.0/24||every ip-range or gateway must have a corresponding subnet",
      "fd00::/64|||IPv6"})
  void badAddressingIsRefusedWithItsReason(String subnet, String range, String gateway, String message) {
    assertThatThrownBy(() -> plan(withSubnet("n", subnet, range, gateway)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void duplicateAndPredefinedNamesAreRefusedInDockersWords() {
    assertThatThrownBy(() -> plan(NetworkCreateRequest.named("bridge")))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("operation is not permitted on predefined bridge network");
    Network web = plan(NetworkCreateRequest.named("web"));
    List<Network> existing = new java.util.ArrayList<>(predefined);
    existing.add(web);
    assertThatThrownBy(() -> planner.plan(NetworkCreateRequest.named("web"), existing, List.of(), Set.of(), now))
        .isInstanceOf(ConflictException.class)
        .hasMessage("network with name web already exists");
  }

  @ParameterizedTest
  @CsvSource({"macvlan, plugin \"macvlan\" not found", "host, only one instance of \"host\" network is allowed"})
  void unknownOrSingletonDriversAreRefused(String driver, String message) {
    var r = new NetworkCreateRequest("n", driver, false, false, false, false, false, "", "", "", List.of(),
        Map.of(), Map.of(), Map.of());
    assertThatThrownBy(() -> plan(r)).isInstanceOf(ShoalException.class).hasMessageContaining(message);
  }

  @Test
  void bridgeOptionsNameMtuAndMasqueradeAreHonoured() {
    Network n = plan(withOptions("n", Map.of(
        NetworkPlanner.OPT_BRIDGE_NAME, "mybr0",
        NetworkPlanner.OPT_MTU, "1400",
        NetworkPlanner.OPT_MASQUERADE, "false")));
    assertThat(n.bridge()).extracting("device", "mtu", "masquerade").containsExactly("mybr0", 1400, false);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "com.docker.network.bridge.name|shoal0|already used by network bridge",
      "com.docker.network.bridge.name|lo|already used by a link of this host",
      "com.docker.network.bridge.name|waytoolongbridgename|invalid bridge name",
      "com.docker.network.driver.mtu|9x|invalid MTU number",
      "com.docker.network.driver.mtu|20|invalid MTU number",
      "com.docker.network.bridge.enable_ip_masquerade|maybe|is not a boolean"})
  void badBridgeOptionsAreRefused(String key, String value, String message) {
    assertThatThrownBy(() -> plan(withOptions("n", Map.of(key, value))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(message);
  }
}
