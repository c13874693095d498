package shoal.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestsTest {
  private static final String A = "sha256:" + "a".repeat(64);
  private static final String B = "sha256:" + "b".repeat(64);
  private static final String C = "sha256:" + "c".repeat(64);

  @Test
  void theBaseLayersChainIdIsItsDiffId() {
    assertThat(Digests.chainId(null, A)).isEqualTo(A);
  }

  @Test
  void eachUpperChainIdHashesTheParentChainIdSpaceDiffId() {
    String ab = Digests.of((A + " " + B).getBytes(StandardCharsets.UTF_8));
    String abc = Digests.of((ab + " " + C).getBytes(StandardCharsets.UTF_8));
    assertThat(Digests.chainIds(List.of(A, B, C))).containsExactly(A, ab, abc);
  }

  @Test
  void chainIdsDependOnTheLayersBelow() {
    assertThat(Digests.chainIds(List.of(A, C)).get(1)).isNotEqualTo(Digests.chainIds(List.of(B, C)).get(1));
  }

  @Test
  void digestOfKnownBytesMatchesSha256sum() {
    // printf 'hello' | sha256sum
    assertThat(Digests.of("hello".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  }
}
