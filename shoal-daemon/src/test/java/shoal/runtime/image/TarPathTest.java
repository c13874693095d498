package shoal.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shoal.errors.InvalidArgumentException;

class TarPathTest {
  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
    "etc/passwd,               etc/passwd,   FILE",
    "./etc/passwd,             etc/passwd,   FILE",
    "/etc//passwd,             etc/passwd,   FILE",
    "etc/,                     etc,          FILE",
    "./,                       '',           FILE",
    "a/b/../c,                 a/c,          FILE",
    "etc/.wh.motd,             etc/motd,     WHITEOUT",
    ".wh.bin,                  bin,          WHITEOUT",
    "./var/lib/.wh..wh..opq,   var/lib,      OPAQUE",
    ".wh..wh..opq,             '',           OPAQUE",
    "tmp/.wh..wh.plnk,         tmp/.wh..wh.plnk, AUFS_META",
    "etc/not.wh.motd,          etc/not.wh.motd,  FILE",
  })
  void classifiesEntriesAndTranslatesWhiteoutNames(String raw, String path, TarPath.Kind kind) {
    assertThat(TarPath.of(raw)).isEqualTo(new TarPath(path, kind));
  }

  @ParameterizedTest
  @CsvSource({"../etc/passwd", "a/../../b", "/.."})
  void refusesNamesThatClimbOutOfTheRoot(String raw) {
    assertThatThrownBy(() -> TarPath.of(raw))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("outside the archive's root");
  }

  @ParameterizedTest
  @CsvSource({"etc/.wh.", ".wh."})
  void refusesAWhiteoutOfNothing(String raw) {
    assertThatThrownBy(() -> TarPath.of(raw)).isInstanceOf(InvalidArgumentException.class);
  }
}
