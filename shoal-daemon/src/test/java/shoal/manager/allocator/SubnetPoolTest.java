package shoal.manager.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shoal.errors.InvalidArgumentException;
import shoal.manager.store.objects.ClusterObject;
import shoal.net.ipam.Ipv4Subnet;

class SubnetPoolTest {
  private static List<Ipv4Subnet> subnets(String list) {
    return list.isEmpty() ? List.of() : Arrays.stream(list.split(" ")).map(Ipv4Subnet::parse).toList();
  }

  @ParameterizedTest(name = "{0} /{1}, taken [{2}] -> {3}")
  @CsvSource(delimiter = '|', textBlock = """
      10.0.0.0/8     | 24 |                              | 10.0.0.0/24
      10.0.0.0/8     | 24 | 10.0.0.0/24 10.0.1.0/24      | 10.0.2.0/24
      10.0.0.0/8     | 24 | 10.0.0.0/24 10.0.2.0/24      | 10.0.1.0/24
      10.0.0.0/8     | 24 | 10.0.0.0/16                  | 10.1.0.0/24
      10.0.0.0/8     | 24 | 10.0.0.128/25                | 10.0.1.0/24
      10.0.0.0/8     | 24 | 10.0.0.0/24 10.0.1.8/29      | 10.0.2.0/24
      10.20.0.0/16   | 26 | 10.20.0.0/26                 | 10.20.0.64/26
      10.20.0.0/16   | 26 | 10.20.0.0/25                 | 10.20.0.128/26
      192.168.0.0/24 | 16 |                              | 192.168.0.0/24
      """)
  void theLowestSubnetOfTheMaskLengthThatOverlapsNothingTakenIsNext(
      String pool, int mask, String taken, String next) {
    SubnetPool p = new SubnetPool(List.of(Ipv4Subnet.parse(pool)), mask);
    assertThat(p.next(subnets(taken == null ? "" : taken))).hasToString(next);
  }

  @Test
  void aFullPoolIsRefusedInDockersWordsAndTheNextPoolOfTheListIsUsedFirst() {
    SubnetPool p = SubnetPool.of(new ClusterObject.AddressPool(List.of("10.20.0.0/23", "10.30.0.0/24"), 24));
    List<Ipv4Subnet> taken = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      taken.add(p.next(taken));
    }
    assertThat(taken).map(Ipv4Subnet::toString).containsExactly("10.20.0.0/24", "10.20.1.0/24", "10.30.0.0/24");
    assertThatThrownBy(() -> p.next(taken)).isInstanceOf(InvalidArgumentException.class)
        .hasMessage("could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network");
  }

  @Test
  void aClusterWithoutAPoolUsesDockersDefault() {
    assertThat(SubnetPool.of(null)).isEqualTo(SubnetPool.DEFAULT);
    assertThat(SubnetPool.DEFAULT.next(List.of())).hasToString("10.0.0.0/24");
  }
}
