package shoal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.net.ipam.AddressPools;
import shoal.net.ipam.Ipv4Address;

class EndpointPlannerTest {
  private final NetworkPlanner planner = new NetworkPlanner(AddressPools.dockerDefaults());
  private final Instant now = Instant.now();
  private final List<Network> nets = new ArrayList<>();

  EndpointPlannerTest() {
    for (String p : List.of("bridge", "host", "none")) {
      nets.add(planner.predefined(p, nets, List.of(), now));
    }
    nets.add(planner.plan(NetworkCreateRequest.named("zeta"), nets, List.of(), Set.of(), now));
    nets.add(planner.plan(NetworkCreateRequest.named("alpha"), nets, List.of(), Set.of(), now));
    nets.add(planner.plan(new NetworkCreateRequest("fixed", "", false, false, false, false, false, "", "", "",
        List.of(new NetworkCreateRequest.IpamConfig("10.9.0.0/24", "", "", Map.of())), Map.of(), Map.of(), Map.of()),
        nets, List.of(), Set.of(), now));
  }

  private Network find(String ref) {
    return nets.stream().filter(n -> n.name().equals(ref)).findFirst()
        .orElseThrow(() -> new NotFoundException("network " + ref + " not found"));
  }

  private static SandboxSpec spec(String mode, String... networks) {
    Map<String, EndpointSpec> eps = new java.util.HashMap<>();
    for (String n : networks) {
      eps.put(n, EndpointSpec.defaults());
    }
    return new SandboxSpec("c".repeat(64), "c", "c", mode, eps, List.of());
  }

  @Test
  void theModesNetworkComesFirstThenTheOthersByName() {
    var order = EndpointPlanner.order(spec("zeta", "zeta", "fixed", "alpha"), this::find);
    assertThat(order.keySet()).extracting(Network::name).containsExactly("zeta", "alpha", "fixed");
    assertThat(EndpointPlanner.order(spec("", "bridge"), this::find).keySet())
        .extracting(Network::name).containsExactly("bridge");
  }

  @Test
  void hostAndNoneCannotBeMixedWithOtherNetworks() {
    assertThatThrownBy(() -> EndpointPlanner.order(spec("host", "alpha"), this::find))
        .isInstanceOf(InvalidArgumentException.class).hasMessage(EndpointPlanner.HOST_MODE_ERROR);
    assertThatThrownBy(() -> EndpointPlanner.order(spec("alpha", "none"), this::find))
        .isInstanceOf(InvalidArgumentException.class).hasMessage(EndpointPlanner.NONE_MODE_ERROR);
    assertThatThrownBy(() -> EndpointPlanner.order(spec("ghost"), this::find))
        .isInstanceOf(NotFoundException.class).hasMessage("network ghost not found");
  }

  @Test
  void endpointsGetTheNextAddressADerivedMacAndAVethNamedAfterTheirId() {
    Endpoint e = EndpointPlanner.plan(find("alpha"), EndpointSpec.defaults(),
        Set.of(Ipv4Address.parse("172.19.0.2")), "eth1");
    assertThat(e.ipv4()).hasToString("172.19.0.3");
    assertThat(e.mac()).isEqualTo("02:42:ac:13:00:03");
    assertThat(e.hostVeth()).isEqualTo("veth" + e.endpointId().substring(0, 11)).hasSize(15);
    assertThat(e.ifName()).isEqualTo("eth1");
  }

  @Test
  void fixedAddressesOnlyOnNetworksWithAUserSubnet() {
    var ip = new EndpointSpec(List.of(), "10.9.0.50", "02:42:0A:09:00:99");
    Endpoint e = EndpointPlanner.plan(find("fixed"), ip, Set.of(), "eth0");
    assertThat(e.ipv4()).hasToString("10.9.0.50");
    assertThat(e.mac()).isEqualTo("02:42:0a:09:00:99");
    var other = new EndpointSpec(List.of(), "172.19.0.9", null);
    assertThatThrownBy(() -> EndpointPlanner.plan(find("alpha"), other, Set.of(), "eth0"))
        .hasMessage("user specified IP address is supported only when connecting to networks with user configured subnets");
    assertThatThrownBy(() -> EndpointPlanner.plan(find("bridge"), other, Set.of(), "eth0"))
        .hasMessage("user specified IP address is supported on user defined networks only");
    assertThatThrownBy(() -> EndpointPlanner.plan(find("fixed"), ip, Set.of(Ipv4Address.parse("10.9.0.50")), "eth0"))
        .hasMessageContaining("Address already in use");
    assertThatThrownBy(() -> EndpointPlanner.plan(find("fixed"), new EndpointSpec(List.of(), null, "03:00:00:00:00:01"),
        Set.of(), "eth0")).hasMessageContaining("multicast");
  }

  @Test
  void interfaceNamesFillTheLowestGap() {
    Endpoint e0 = new Endpoint("n", "e", "eth0", "v", null, "", List.of());
    Endpoint e2 = new Endpoint("n", "e", "eth2", "v", null, "", List.of());
    assertThat(EndpointPlanner.nextIfName(List.of())).isEqualTo("eth0");
    assertThat(EndpointPlanner.nextIfName(List.of(e0, e2))).isEqualTo("eth1");
  }
}
