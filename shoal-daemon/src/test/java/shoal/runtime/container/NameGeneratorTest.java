package shoal.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shoal.errors.InvalidArgumentException;

class NameGeneratorTest {
  @Test
  void generatedNamesAreAdjectiveUnderscoreSurnameAndFree() {
    NameGenerator g = new NameGenerator(new Random(1));
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String n = g.generate(taken::contains);
      assertThat(n).matches("[a-z]+_[a-z]+[0-9]*");
      assertThat(taken.add(n)).as("unique: " + n).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"web", "/web", "a.b-c_d", "W3b"})
  void validNamesAreKeptWithoutTheirSlash(String raw) {
    assertThat(NameGenerator.validate(raw)).isEqualTo(raw.startsWith("/") ? raw.substring(1) : raw);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "-web", "we b", "web/1", "_x"})
  void invalidNamesAreRefusedInDockersWords(String raw) {
    assertThatThrownBy(() -> NameGenerator.validate(raw))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("Invalid container name (" + raw + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
  }
}
