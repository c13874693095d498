package shoal.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shoal.errors.InvalidArgumentException;

class ConfigMergeTest {
  /** "-" is null (not given), "" an empty list, else words separated by spaces. */
  private static List<String> words(String s) {
    if (s.equals("-")) {
      return null;
    }
    if (s.equals("''")) {
      return List.of("");
    }
    return s.isEmpty() ? List.of() : Arrays.asList(s.split(" "));
  }

  static ContainerConfig user(List<String> entrypoint, List<String> cmd, List<String> env) {
    return new ContainerConfig("", "", "", false, true, true, Set.of(), false, false, false, env, cmd, "img", "",
        entrypoint, Map.of("a", "user"), "", null);
  }

  private static final ImageDefaults IMAGE = new ImageDefaults(List.of("PATH=/img/bin", "LANG=C"),
      List.of("img-cmd", "arg"), List.of("img-ep"), "/img", "imguser", Map.of("a", "image", "b", "image"),
      Set.of("80/tcp"), "SIGQUIT");

  @ParameterizedTest(name = "entrypoint {0}, cmd {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
    "-       | -       | img-ep img-cmd arg",
    "-       | ''      | img-ep img-cmd arg",
    "-       | echo hi | img-ep echo hi",
    "sh -c   | -       | sh -c",
    "sh -c   | date    | sh -c date",
    "''      | -       | img-cmd arg",
    "''      | ls      | ls",
  })
  void entrypointAndCmdFollowDockersRules(String entrypoint, String cmd, String expected) {
    List<String> c = cmd.equals("''") ? List.of() : words(cmd);
    ContainerConfig merged = ConfigMerge.merge(user(words(entrypoint), c, null), IMAGE);
    assertThat(String.join(" ", ConfigMerge.commandLine(merged))).isEqualTo(expected);
  }

  @Test
  void userEnvComesFirstAndOverridesTheImages() {
    ContainerConfig m = ConfigMerge.merge(user(null, null, List.of("LANG=en", "X=1")), IMAGE);
    assertThat(m.env()).containsExactly("LANG=en", "X=1", "PATH=/img/bin");
    assertThat(ConfigMerge.merge(user(null, null, null), IMAGE).env()).containsExactly("PATH=/img/bin", "LANG=C");
  }

  @Test
  void imageDefaultsFillWhatTheUserLeftOut() {
    ContainerConfig m = ConfigMerge.merge(user(null, null, null), IMAGE);
    assertThat(m.workingDir()).isEqualTo("/img");
    assertThat(m.user()).isEqualTo("imguser");
    assertThat(m.stopSignal()).isEqualTo("SIGQUIT");
    assertThat(m.labels()).isEqualTo(Map.of("a", "user", "b", "image"));
    assertThat(m.exposedPorts()).containsExactly("80/tcp");
  }

  @Test
  void nothingToRunIsRefused() {
    ImageDefaults empty = new ImageDefaults(null, null, null, null, null, null, null, null);
    assertThatThrownBy(() -> ConfigMerge.merge(user(null, null, null), empty))
        .isInstanceOf(InvalidArgumentException.class).hasMessage("No command specified");
  }

  @Test
  void aRelativeWorkingDirIsRefused() {
    ContainerConfig c = new ContainerConfig("", "", "", false, false, false, Set.of(), false, false, false, null,
        List.of("true"), "img", "rel/dir", null, null, "", null);
    assertThatThrownBy(() -> ConfigMerge.merge(c, IMAGE))
        .hasMessage("the working directory 'rel/dir' is invalid, it needs to be an absolute path");
  }

  @Test
  void replaceOrAppendKeepsOrder() {
    assertThat(ConfigMerge.replaceOrAppend(List.of("A=1", "B=2"), List.of("B=3", "C=4")))
        .containsExactly("A=1", "B=3", "C=4");
  }
}
