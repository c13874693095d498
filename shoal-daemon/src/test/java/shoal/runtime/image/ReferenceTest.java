package shoal.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shoal.errors.InvalidArgumentException;

class ReferenceTest {
  private static final String HEX = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @ParameterizedTest(name = "{0} -> {1} ({2})")
  @CsvSource({
    "busybox,                            busybox:latest,           docker.io/library/busybox:latest",
    "busybox:latest,                     busybox:latest,           docker.io/library/busybox:latest",
    "busybox:1.36.1-musl,                busybox:1.36.1-musl,      docker.io/library/busybox:1.36.1-musl",
    "docker.io/library/busybox:latest,   busybox:latest,           docker.io/library/busybox:latest",
    "index.docker.io/library/busybox,    busybox:latest,           docker.io/library/busybox:latest",
    "library/busybox,                    busybox:latest,           docker.io/library/busybox:latest",
    "user/app:1.0,                       user/app:1.0,             docker.io/user/app:1.0",
    "a/b/c,                              a/b/c:latest,             docker.io/a/b/c:latest",
    "library/a/b,                        library/a/b:latest,       docker.io/library/a/b:latest",
    "localhost:5000/a/b:t,               localhost:5000/a/b:t,     localhost:5000/a/b:t",
    "localhost/app,                      localhost/app:latest,     localhost/app:latest",
    "example.com/x,                      example.com/x:latest,     example.com/x:latest",
    "Registry/x,                         Registry/x:latest,        Registry/x:latest",
    "my_app.v2__x-y,                     my_app.v2__x-y:latest,    docker.io/library/my_app.v2__x-y:latest",
    "busybox:Latest_1,                   busybox:Latest_1,         docker.io/library/busybox:Latest_1",
  })
  void normalisesAsDockerDoes(String input, String familiar, String full) {
    Reference r = Reference.parse(input).withDefaultTag();
    assertThat(r.familiarString()).isEqualTo(familiar);
    assertThat(r.toString()).isEqualTo(full);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Foo                | invalid reference format: repository name must be lowercase",
        "user/App:1         | invalid reference format: repository name must be lowercase",
        "busybox:           | invalid reference format",
        "-busybox           | invalid reference format",
        "a//b               | invalid reference format",
        "busybox:a b        | invalid reference format",
        "busybox@sha256:abc | invalid reference format",
        "''                 | invalid reference format",
      })
  void refusesMalformedReferencesInDockersWords(String input, String message) {
    assertThatThrownBy(() -> Reference.parse(input))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage(message);
  }

  @org.junit.jupiter.api.Test
  void refusesATagLongerThan128Characters() {
    assertThat(Reference.parse("x:" + "a".repeat(128)).tag()).hasSize(128);
    assertThatThrownBy(() -> Reference.parse("x:" + "a".repeat(129))).hasMessage("invalid reference format");
  }

  @org.junit.jupiter.api.Test
  void refusesAFullHexIdAsAName() {
    assertThatThrownBy(() -> Reference.parse(HEX))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("invalid repository name (" + HEX + "), cannot specify 64-byte hexadecimal strings");
  }

  @org.junit.jupiter.api.Test
  void keepsADigest() {
    Reference r = Reference.parse("busybox@sha256:" + HEX);
    assertThat(r.digest()).isEqualTo("sha256:" + HEX);
    assertThat(r.withDefaultTag().tag()).isNull();
    assertThat(r.familiarString()).isEqualTo("busybox@sha256:" + HEX);
  }

  @ParameterizedTest
  @CsvSource({"latest, true", "v1.2_3-rc, true", "-x, false", ".x, false", "a/b, false"})
  void checksTagsAgainstDockersGrammar(String tag, boolean valid) {
    assertThat(Reference.isValidTag(tag)).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({
    "busybox,          busybox:latest",
    "docker.io/library/busybox:1, busybox:1",
    "sha256:" + HEX + ", sha256:" + HEX,
    "abc123,           abc123:latest",
    "Foo,              Foo",
  })
  void showsReferencesInNoSuchImageAsDockerDoes(String ref, String shown) {
    assertThat(ImageRefs.display(ref)).isEqualTo(shown);
  }
}
