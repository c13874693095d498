package shoal.manager.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import shoal.errors.InvalidArgumentException;
import shoal.manager.store.objects.NetworkObject;
import shoal.net.ipam.Ipv4Address;

class AddressSpaceTest {
  private static AddressSpace space(String subnet, String gateway, String range, String resumeAfter) {
    NetworkObject n = NetworkObject.of("n1", NetworkObject.Spec.named("n"))
        .withAllocation(new NetworkObject.Allocation(subnet, gateway, range, 4097));
    return new AddressSpace(n, resumeAfter == null ? null : Ipv4Address.parse(resumeAfter));
  }

  private static List<String> take(AddressSpace s, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(s.take());
    }
    return out;
  }

  @Test
  void addressesComeInOrderWithThePrefixSkippingGatewayNetworkAndBroadcast() {
    AddressSpace s = space("10.0.1.0/29", "10.0.1.1", "", null);
    assertThat(take(s, 5)).containsExactly("10.0.1.2/29", "10.0.1.3/29", "10.0.1.4/29", "10.0.1.5/29", "10.0.1.6/29");
    assertThatThrownBy(s::take).isInstanceOf(InvalidArgumentException.class)
        .hasMessage("could not allocate IP from IPAM: no available IPv4 addresses on this network's address pools");
  }

  @Test
  void aFreedAddressIsReusedOnlyAfterTheOthersWrappingAround() {
    AddressSpace s = space("10.0.1.0/29", "10.0.1.1", "", null);
    take(s, 3);
    s.release("10.0.1.2/29");
    assertThat(take(s, 3)).containsExactly("10.0.1.5/29", "10.0.1.6/29", "10.0.1.2/29");
  }

  @Test
  void aSpaceBuiltAfterALeaderChangeContinuesAfterTheHighestAddressTheStoreRecords() {
    AddressSpace s = space("10.0.1.0/24", "10.0.1.1", "", null);
    s.markUsed("10.0.1.2/24");
    s.markUsed("10.0.1.9/24");
    s.markSeen("10.0.1.12/24");
    s.resumeAfterHighestSeen();
    assertThat(s.take()).isEqualTo("10.0.1.13/24");
  }

  @Test
  void addressesComeFromTheIpRangeAndTheCursorOfThePreviousPass() {
    AddressSpace s = space("10.0.0.0/16", "10.0.0.1", "10.0.4.0/30", "10.0.4.1");
    assertThat(take(s, 4)).containsExactly("10.0.4.2/16", "10.0.4.3/16", "10.0.4.0/16", "10.0.4.1/16");
  }
}
