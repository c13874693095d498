package shoal.cli.commands.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How node values read in docker's outputs, and the order of {@code node ls}. */
class NodeTextTest {
  @ParameterizedTest
  @CsvSource({"ready, Ready", "DOWN, Down", "'', ''", "a, a", "A, a", "heartbeat failure, Heartbeat failure"})
  void prettyPrintUppersTheFirstLetterAndLowersTheRest(String in, String out) {
    assertThat(Pretty.capitalize(in)).isEqualTo(out);
  }

  @ParameterizedTest
  @CsvSource({
      "2026-11-25T08:58:57Z, 2026-11-25 08:58:57 +0000 utc",
      "2026-11-25T08:58:57.5Z, 2026-11-25 08:58:57.5 +0000 utc",
      "2026-11-25T08:58:57.123456789Z, 2026-11-25 08:58:57.123456789 +0000 utc",
      "2026-11-25T08:58:57.000001Z, 2026-11-25 08:58:57.000001 +0000 utc",
      "2026-11-25T10:58:57+02:00, 2026-11-25 10:58:57 +0200 +0200"})
  void joinTimesReadAsGoPrintsThemPrettyPrinted(String rfc3339, String text) {
    assertThat(Pretty.time(rfc3339)).isEqualTo(text);
  }

  @Test
  void hostnamesSortWithNumbersByValue() {
    List<String> names = new ArrayList<>(List.of("h10", "h2", "h1", "h01", "a", "h", "b2", "h2a", "2"));
    names.sort(NaturalOrder.INSTANCE);
    assertThat(names).containsExactly("2", "a", "b2", "h", "h1", "h01", "h2", "h2a", "h10");
  }
}
