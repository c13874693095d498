package shoal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterIdsTest {
  @Test
  void idsAre25Base36CharactersAndDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = ClusterIds.newId();
      assertThat(id).hasSize(25).matches("[0-9a-z]{25}");
      assertThat(ClusterIds.isValid(id)).isTrue();
      seen.add(id);
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void base36LeftPadsSmallNumbersAndKeepsAll128Bits() {
    assertThat(ClusterIds.base36(new byte[16], 25)).isEqualTo("0".repeat(25));
    byte[] max = new byte[16];
    java.util.Arrays.fill(max, (byte) 0xff);
    assertThat(ClusterIds.base36(max, 25)).isEqualTo("f5lxx1zz5pnorynqglhzmsp33");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ef777uvjt5598boqn29gzmak", "ef777uvjt5598boqn29gzmakhh", "EF777UVJT5598BOQN29GZMAKH",
      "ef777uvjt5598boqn29gzmak-", "zzzzzzzzzzzzzzzzzzzzzzzzz"})
  void malformedIdsAreInvalid(String id) {
    assertThat(ClusterIds.isValid(id)).isFalse();
  }
}
