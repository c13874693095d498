package shoal.runtime.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
  private final List<String> out = new ArrayList<>();
  private final LineSplitter s = new LineSplitter("stdout",
      e -> out.add(new String(e.bytes(), StandardCharsets.UTF_8)), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

  private void write(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    s.write(b, 0, b.length);
  }

  @Test
  void oneMessagePerLineWithItsNewline() {
    write("a\nbb\nc");
    assertThat(out).containsExactly("a\n", "bb\n");
    write("c\n");
    assertThat(out).containsExactly("a\n", "bb\n", "cc\n");
  }

  @Test
  void theRestBecomesAMessageWhenTheStreamEnds() {
    write("no newline");
    s.finish();
    assertThat(out).containsExactly("no newline");
  }

  @Test
  void aLongLineIsCutIntoPartialMessages() {
    write("x".repeat(LineSplitter.MAX_MESSAGE + 10) + "\n");
    assertThat(out).hasSize(2);
    assertThat(out.get(0)).hasSize(LineSplitter.MAX_MESSAGE);
    assertThat(out.get(1)).isEqualTo("x".repeat(10) + "\n");
  }
}
