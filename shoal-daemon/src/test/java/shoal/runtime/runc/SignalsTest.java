package shoal.runtime.runc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import shoal.errors.InvalidArgumentException;

class SignalsTest {
  @ParameterizedTest
  @CsvSource({"TERM,15", "SIGTERM,15", "sigkill,9", "15,15", "HUP,1", "SIGRTMIN+3,37", "RTMAX-1,63", "WINCH,28"})
  void parsesNamesAndNumbers(String raw, int number) {
    assertThat(Signals.parse(raw)).isEqualTo(number);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "NOPE", "0", "65", "SIGRTMIN+40", "-1"})
  void refusesWhatIsNoSignal(String raw) {
    assertThatThrownBy(() -> Signals.parse(raw))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageStartingWith("Invalid signal: ");
  }
}
