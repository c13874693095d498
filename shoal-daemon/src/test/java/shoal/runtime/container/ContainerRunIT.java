package shoal.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.common.CommandResult;
import shoal.testing.TestDaemon;

@Tag("netns")
class ContainerRunIT {
  static TestDaemon d;

  @BeforeAll
  static void up() throws Exception {
    d = TestDaemon.start();
  }

  @AfterAll
  static void down() {
    if (d != null) {
      d.docker("rm", "-f", "$(true)");
      d.close();
    }
  }

  @Test
  void runRmEchoPrintsAndLeavesNothing() {
    CommandResult r = d.docker("run", "--rm", "busybox", "echo", "hi");
    assertThat(r.ok()).as(r.failure() + "\n" + d.log()).isTrue();
    assertThat(r.stdout()).isEqualTo("hi\n");
    assertThat(d.docker("ps", "-aq").stdout()).isEmpty();
  }
}
