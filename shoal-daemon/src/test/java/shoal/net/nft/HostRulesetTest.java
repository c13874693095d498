package shoal.net.nft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import shoal.net.ipam.Ipv4Address;
import shoal.net.ipam.Ipv4Subnet;

/**
 * The host ruleset against golden files in src/test/resources/shoal/net/nft. After an intended
 * change, regenerate them with {@code -Dgolden.update=true} and review the diff.
 */
class HostRulesetTest {
  private static final HostRuleset.Bridge DEFAULT =
      new HostRuleset.Bridge("shoal0", Ipv4Subnet.parse("172.17.0.0/16"), false, true);
  private static final HostRuleset.Bridge WEB =
      new HostRuleset.Bridge("br-0123456789ab", Ipv4Subnet.parse("172.18.0.0/16"), false, true);
  private static final HostRuleset.Bridge BACKEND =
      new HostRuleset.Bridge("br-internal0001", Ipv4Subnet.parse("10.30.0.0/24"), true, true);
  private static final HostRuleset.Bridge NO_NAT =
      new HostRuleset.Bridge("routed0", Ipv4Subnet.parse("192.168.16.0/20"), false, false);

  @Test
  void defaultBridgeAloneMasqueradesAndPublishesNothing() throws IOException {
    assertGolden("default-bridge.nft", HostRuleset.render(List.of(DEFAULT), List.of()));
  }

  @Test
  void userNetworksAreIsolatedInternalOnesSealedAndPortsDnated() throws IOException {
    List<HostRuleset.Port> ports = List.of(
        new HostRuleset.Port("udp", null, 5353, Ipv4Address.parse("172.18.0.3"), 53),
        new HostRuleset.Port("tcp", Ipv4Address.parse("127.0.0.1"), 8443, Ipv4Address.parse("172.17.0.2"), 443),
        new HostRuleset.Port("tcp", null, 8080, Ipv4Address.parse("172.17.0.2"), 80));
    assertGolden("user-networks.nft",
        HostRuleset.render(List.of(WEB, BACKEND, DEFAULT, NO_NAT), ports));
  }

  @Test
  void renderingDoesNotDependOnInputOrder() {
    var p1 = new HostRuleset.Port("tcp", null, 1, Ipv4Address.parse("10.0.0.2"), 1);
    var p2 = new HostRuleset.Port("tcp", null, 2, Ipv4Address.parse("10.0.0.3"), 2);
    assertThat(HostRuleset.render(List.of(WEB, DEFAULT), List.of(p1, p2)))
        .isEqualTo(HostRuleset.render(List.of(DEFAULT, WEB), List.of(p2, p1)));
  }

  @Test
  void noBridgeStillGivesAValidEmptySet() {
    assertThat(HostRuleset.render(List.of(), List.of())).contains("set bridges {\n\t\ttype ifname\n\t}");
  }

  static void assertGolden(String name, String actual) throws IOException {
    Path file = Path.of("src/test/resources/shoal/net/nft").resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, actual);
    }
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
