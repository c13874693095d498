package shoal.manager.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shoal.errors.InvalidArgumentException;
import shoal.manager.store.objects.NetworkObject;
import shoal.manager.store.objects.NetworkObject.Allocation;
import shoal.manager.store.objects.NetworkObject.Ipam;
import shoal.manager.store.objects.NetworkObject.Spec;

class NetworkAllocatorTest {
  private final List<NetworkObject> networks = new ArrayList<>();

  private Allocation add(String name, Spec spec) {
    Allocation a = NetworkAllocator.allocate(name, spec, SubnetPool.DEFAULT, networks);
    networks.add(NetworkObject.of(name, spec).withAllocation(a));
    return a;
  }

  private Allocation add(String name) {
    return add(name, Spec.named(name));
  }

  @Test
  void networksGetTheNextPoolSubnetGatewayDotOneAndVnisFrom4097() {
    Allocation ingress = add("ingress", Spec.named("ingress").withFlags(false, false, true));
    assertThat(ingress).isEqualTo(new Allocation("10.0.0.0/24", "10.0.0.1", "", 4096));
    assertThat(add("a")).isEqualTo(new Allocation("10.0.1.0/24", "10.0.1.1", "", 4097));
    assertThat(add("b")).isEqualTo(new Allocation("10.0.2.0/24", "10.0.2.1", "", 4098));
  }

  @Test
  void aRemovedNetworksSubnetAndVniAreReused() {
    add("a");
    add("b");
    add("c");
    networks.removeIf(n -> n.id().equals("b"));
    assertThat(add("d")).isEqualTo(new Allocation("10.0.1.0/24", "10.0.1.1", "", 4098));
  }

  @Test
  void aRequestedSubnetGatewayAndRangeAreKeptAndThePoolSkipsThatSubnet() {
    assertThat(add("a", Spec.named("a").withIpam(new Ipam("10.0.0.0/16", "10.0.255.254", "10.0.4.0/24"))))
        .isEqualTo(new Allocation("10.0.0.0/16", "10.0.255.254", "10.0.4.0/24", 4097));
    assertThat(add("b").subnet()).isEqualTo("10.1.0.0/24");
  }

  @Test
  void aRequestedSubnetOverlappingAnotherNetworkIsRefusedNamingIt() {
    add("a");
    assertThatThrownBy(() -> add("b", Spec.named("b").withIpam(new Ipam("10.0.0.0/16", "", ""))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("invalid pool request: Pool overlaps with other one on this address space: "
            + "10.0.0.0/16 overlaps the subnet 10.0.0.0/24 of network a");
    assertThat(networks).hasSize(1);
  }

  @Test
  void aNotYetAllocatedNetworksRequestedSubnetCountsAsTaken() {
    networks.add(NetworkObject.of("p", Spec.named("p").withIpam(new Ipam("10.0.0.0/24", "", ""))));
    assertThat(add("a").subnet()).isEqualTo("10.0.1.0/24");
  }

  @ParameterizedTest(name = "{0} {1} {2}: {3}")
  @CsvSource(delimiter = '|', textBlock = """
      10.5.0.0/33 |             |             | invalid CIDR address: 10.5.0.0/33
      10.5.0.1/24 |             |             | invalid subnet 10.5.0.1/24: it has host bits set; did you mean 10.5.0.0/24?
      10.5.0.0/31 |             |             | invalid subnet 10.5.0.0/31: an overlay network needs at least a /30 (a gateway and an address)
      10.5.0.0/24 | 10.6.0.1    |             | invalid gateway 10.6.0.1: it is not a host address of the subnet 10.5.0.0/24
      10.5.0.0/24 | 10.5.0.255  |             | invalid gateway 10.5.0.255: it is not a host address of the subnet 10.5.0.0/24
      10.5.0.0/24 |             | 10.5.1.0/28 | invalid IP range 10.5.1.0/28: it is not inside the subnet 10.5.0.0/24
                  | 10.5.0.1    |             | a gateway or IP range needs its subnet (--subnet)
      """)
  void malformedRequestsAreRefusedWithWhatIsWrong(String subnet, String gateway, String range, String message) {
    Spec spec = Spec.named("x").withIpam(new Ipam(subnet, gateway, range));
    assertThatThrownBy(() -> add("x", spec)).isInstanceOf(InvalidArgumentException.class).hasMessage(message);
  }

  @Test
  void aRequestedVniIsKeptUnlessAnotherNetworkHasIt() {
    Spec wants = Spec.named("a").withOptions(Map.of(NetworkObject.VXLANID_LIST, "5000"));
    assertThat(add("a", wants).vxlanId()).isEqualTo(5000);
    assertThatThrownBy(() -> add("b", Spec.named("b").withOptions(Map.of(NetworkObject.VXLANID_LIST, "5000"))))
        .hasMessage("VXLAN ID 5000 is already used by another swarm network");
    assertThatThrownBy(() -> add("c", Spec.named("c").withOptions(Map.of(NetworkObject.VXLANID_LIST, "16777216"))))
        .hasMessage("invalid VXLAN ID 16777216: it must be from 1 to 16777215");
  }
}
