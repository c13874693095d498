package shoal.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import shoal.errors.InvalidArgumentException;

class UserResolverTest {
  static final String PASSWD = "root:x:0:0:root:/root:/bin/sh\n"
      + "app:x:1000:1000:App:/home/app:/bin/sh\n"
      + "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n";
  static final String GROUP = "root:x:0:\nwheel:x:10:app\naudio:x:29:app,root\napp:x:1000:\nstaff:x:50:\n";

  @ParameterizedTest(name = "user \"{0}\"")
  @CsvSource(delimiter = '|', value = {
    "''          | 0     | 0     | 29     | /root",
    "root        | 0     | 0     | 29     | /root",
    "app         | 1000  | 1000  | 10 29  | /home/app",
    "1000        | 1000  | 1000  | 10 29  | /home/app",
    "app:staff   | 1000  | 50    | 10 29  | /home/app",
    "app:10      | 1000  | 10    | 29     | /home/app",
    "4242        | 4242  | 0     | ''     | /",
    "4242:4343   | 4242  | 4343  | ''     | /",
  })
  void resolvesAsDocker(String spec, int uid, int gid, String extra, String home) {
    UserResolver.ExecUser u = UserResolver.resolve(spec, PASSWD, GROUP);
    assertThat(u.uid()).isEqualTo(uid);
    assertThat(u.gid()).isEqualTo(gid);
    List<Integer> want = extra.isEmpty() ? List.of() : Arrays.stream(extra.split(" ")).map(Integer::valueOf).toList();
    assertThat(u.additionalGids()).containsExactlyElementsOf(want);
    assertThat(u.home()).isEqualTo(home);
  }

  @Test
  void unknownNamesAreDockersErrors() {
    assertThatThrownBy(() -> UserResolver.resolve("ghost", PASSWD, GROUP))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("unable to find user ghost: no matching entries in passwd file");
    assertThatThrownBy(() -> UserResolver.resolve("app:ghosts", PASSWD, GROUP))
        .hasMessage("unable to find group ghosts: no matching entries in group file");
    assertThatThrownBy(() -> UserResolver.resolve("app", null, null))
        .hasMessage("unable to find user app: no matching entries in passwd file");
  }

  @Test
  void withoutPasswdRootAndNumbersStillWork() {
    assertThat(UserResolver.resolve("", null, null).home()).isEqualTo("/root");
    assertThat(UserResolver.resolve("7:8", null, null).gid()).isEqualTo(8);
  }
}
