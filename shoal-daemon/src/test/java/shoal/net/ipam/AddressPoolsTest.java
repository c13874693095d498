package shoal.net.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressPoolsTest {
  private final AddressPools pools = AddressPools.dockerDefaults();

  @Test
  void poolsGoFrom172_17Onwards() {
    assertThat(pools.next(List.of())).hasToString("172.17.0.0/16");
    assertThat(pools.next(List.of(Ipv4Subnet.parse("172.17.0.0/16")))).hasToString("172.18.0.0/16");
  }

  @Test
  void aPoolOverlappingAHostRouteIsSkipped() {
    var taken = List.of(Ipv4Subnet.parse("172.17.0.0/16"), Ipv4Subnet.parse("172.18.3.0/24"));
    assertThat(pools.next(taken)).hasToString("172.19.0.0/16");
  }

  @Test
  void after172_31ComeSlash20sOf192_168() {
    List<Ipv4Subnet> taken = new ArrayList<>();
    for (int i = 17; i <= 31; i++) {
      taken.add(Ipv4Subnet.parse("172." + i + ".0.0/16"));
    }
    assertThat(pools.next(taken)).hasToString("192.168.0.0/20");
    taken.add(Ipv4Subnet.parse("192.168.0.0/20"));
    taken.add(Ipv4Subnet.parse("192.168.20.0/24"));
    assertThat(pools.next(taken)).hasToString("192.168.32.0/20");
  }
}
