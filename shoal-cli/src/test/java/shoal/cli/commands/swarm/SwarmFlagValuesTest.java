package shoal.cli.commands.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The swarm flags' values, read as docker's flag parsers (Go's) read them. */
class SwarmFlagValuesTest {
  @ParameterizedTest
  @CsvSource({
      "5s, 5000000000",
      "2160h0m0s, 7776000000000000",
      "1.5h, 5400000000000",
      "300ms, 300000000",
      "1h30m, 5400000000000",
      "1m0.5s, 60500000000",
      "1\u00b5s, 1000",
      "10us, 10000",
      "7ns, 7",
      "0, 0",
      ".5s, 500000000",
      "-1s, -1000000000",
      "+2m, 120000000000"})
  void durationsAreGoDurations(String text, long nanos) {
    assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "5|time: missing unit in duration \"5\"",
      "1.5|time: missing unit in duration \"1.5\"",
      "1h1|time: missing unit in duration \"1h1\"",
      "5x|time: unknown unit \"x\" in duration \"5x\"",
      "''|time: invalid duration \"\"",
      "s|time: invalid duration \"s\"",
      "1..5s|time: invalid duration \"1..5s\"",
      "9999999999h|time: invalid duration \"9999999999h\""})
  void badDurationsAreRefusedInGosWords(String text, String message) {
    assertThatThrownBy(() -> GoDuration.parse(text)).hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource({
      "'', 0.0.0.0:2377",
      "eth0, eth0:2377",
      "192.168.77.11, 192.168.77.11:2377",
      "192.168.77.11:4000, 192.168.77.11:4000",
      ":4000, 0.0.0.0:4000",
      "tcp://10.0.0.1, 10.0.0.1:2377",
      "tcp://10.0.0.1:5/ignored, 10.0.0.1:5",
      "'[::1]:5', '[::1]:5'",
      "'[fd00::1]', '[fd00::1]:2377'"})
  void listenAddressesAreCompletedWithDockersDefault(String value, String expected) {
    assertThat(ListenAddr.parse(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "udp://x|invalid proto, expected tcp: udp://x",
      "eth0:abc|parse \"tcp://eth0:abc\": invalid port \":abc\" after host"})
  void badListenAddressesAreRefusedInDockersWords(String value, String message) {
    assertThatThrownBy(() -> ListenAddr.parse(value)).hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource({
      "10.1.2.3/16, 10.1.0.0/16",
      "10.0.0.0/8, 10.0.0.0/8",
      "' 172.16.5.0/20 ', 172.16.0.0/20",
      "0.0.0.0/0, 0.0.0.0/0",
      "fd00::1/64, fd00::/64",
      "2001:db8:0:0:1:0:0:1/128, 2001:db8::1:0:0:1/128",
      "::/0, ::/0"})
  void addressPoolsAreWrittenAsTheirNetwork(String raw, String expected) {
    assertThat(AddrPool.parse(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"10.0.0.0", "x", "10.0.0.0/33", "256.0.0.0/8", "10.0.0/8", "010.0.0.0/8", "fd00::1::2/64", "10.0.0.0/"})
  void badAddressPoolsAreRefusedInPflagsWords(String raw) {
    assertThatThrownBy(() -> AddrPool.parse(raw)).hasMessage("invalid string being converted to CIDR: " + raw);
  }

  @ParameterizedTest
  @CsvSource({"24, 24", "0x10, 16", "0o17, 15", "017, 15", "0b11, 3", "4294967295, 4294967295"})
  void unsignedFlagsReadGoLiterals(String text, long expected) {
    assertThat(GoInts.uint32(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "-1|strconv.ParseUint: parsing \"-1\": invalid syntax",
      "4294967296|strconv.ParseUint: parsing \"4294967296\": value out of range",
      "abc|strconv.ParseUint: parsing \"abc\": invalid syntax"})
  void badUnsignedValuesAreRefusedInGosWords(String text, String message) {
    assertThatThrownBy(() -> GoInts.uint32(text)).hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource({"-3, -3", "5, 5", "+7, 7"})
  void signedFlagsTakeASign(String text, long expected) {
    assertThat(GoInts.int64(text)).isEqualTo(expected);
  }
}
