package shoal.net.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import shoal.errors.InvalidArgumentException;

class Ipv4SubnetTest {
  @ParameterizedTest
  @ValueSource(strings = {"172.17.0.0/16", "10.0.0.0/8", "192.168.3.0/24", "0.0.0.0/0", "10.1.2.3/32"})
  void canonicalPrefixesParseAndPrintAsGiven(String cidr) {
    assertThat(Ipv4Subnet.parse(cidr).toString()).isEqualTo(cidr);
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo", "172.17.0.0", "172.17.0.0/33", "172.17.0/16", "256.1.1.0/24", "1.2.3.4/",
      "01.2.3.0/24", "fd00::/64", "1.2.3.0/-1", "1.2.3.0/ 24"})
  void malformedPrefixesAreRefused(String cidr) {
    assertThatThrownBy(() -> Ipv4Subnet.parse(cidr))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining(cidr);
  }

  @Test
  void hostBitsAreRefusedWithTheMeantPrefixNamed() {
    assertThatThrownBy(() -> Ipv4Subnet.parse("172.20.0.5/16"))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("did you mean 172.20.0.0/16");
  }

  @ParameterizedTest
  @CsvSource({
      "172.17.0.0/16, 172.17.5.0/24, true",
      "172.17.5.0/24, 172.17.0.0/16, true",
      "172.17.0.0/16, 172.18.0.0/16, false",
      "192.168.0.0/20, 192.168.16.0/20, false",
      "0.0.0.0/0, 10.0.0.0/8, true"})
  void overlapIsSymmetricAndExact(String a, String b, boolean overlap) {
    assertThat(Ipv4Subnet.parse(a).overlaps(Ipv4Subnet.parse(b))).isEqualTo(overlap);
    assertThat(Ipv4Subnet.parse(b).overlaps(Ipv4Subnet.parse(a))).isEqualTo(overlap);
  }

  @Test
  void containsAndLastAddress() {
    Ipv4Subnet s = Ipv4Subnet.parse("10.10.0.0/22");
    assertThat(s.last()).isEqualTo(Ipv4Address.parse("10.10.3.255"));
    assertThat(s.contains(Ipv4Address.parse("10.10.3.7"))).isTrue();
    assertThat(s.contains(Ipv4Address.parse("10.10.4.0"))).isFalse();
  }

  @Test
  void containerMacIsDerivedFromTheAddress() {
    assertThat(Ipv4Address.parse("172.17.0.2").dockerMac()).isEqualTo("02:42:ac:11:00:02");
    assertThat(Ipv4Address.parse("10.0.0.255").dockerMac()).isEqualTo("02:42:0a:00:00:ff");
  }
}
