package shoal.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageRoutesTest {
  @ParameterizedTest(name = "{0} ~ {1}: {2}")
  @CsvSource({
    "busybox,          busybox,                true",
    "busy*,            busybox,                true",
    "*,                team/tool,              false",
    "team/*,           team/tool,              true",
    "localhost:5000/*/tool, localhost:5000/a/tool, true",
    "b?sybox:latest,   busybox:latest,         true",
    "[ab]usybox,       busybox,                true",
    "[^b]usybox,       busybox,                false",
    "busybox.1,        busyboxx1,              false",
  })
  void referencePatternsMatchLikeGosPathMatch(String pattern, String name, boolean matches) {
    assertThat(ImageRoutes.glob(pattern).matcher(name).matches()).isEqualTo(matches);
  }
}
