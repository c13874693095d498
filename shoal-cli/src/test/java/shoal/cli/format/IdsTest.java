package shoal.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdsTest {
  @ParameterizedTest
  @CsvSource({
      "sha256:58d052160d3af789480be2fa98775919bc51a24dcbe38d0de23d98732a1ee7ba, 58d052160d3a",
      "4f5c0e1a2b3c4d5e6f, 4f5c0e1a2b3c",
      "short, short"})
  void truncateDropsTheAlgorithmAndKeepsTwelve(String id, String expected) {
    assertThat(Ids.truncate(id)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      sh -c 'echo hello world' | 20 | sh -c 'echo hello w…
      sleep 1d                 | 20 | sleep 1d
      """)
  void ellipsisCutsToTheWidthWithTheLastCharacterAnEllipsis(String s, int max, String expected) {
    assertThat(Ids.ellipsis(s, max)).isEqualTo(expected).hasSizeLessThanOrEqualTo(max);
  }
}
