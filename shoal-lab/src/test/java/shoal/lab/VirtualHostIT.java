package shoal.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shoal.common.Commands;

@Tag("netns")
class VirtualHostIT {
  @TempDir Path state;

  private static String uniqueName() {
    return "vhtest-" + Long.toHexString(System.nanoTime() & 0xffffff);
  }

  @Test
  void hostHasItsOwnHostnameRunAndNetworkNamespaces() throws Exception {
    String name = uniqueName();
    try (VirtualHost h = VirtualHost.create(name, "h9", state)) {
      assertThat(h.exec("hostname").stdout().strip()).isEqualTo("h9");
      assertThat(h.exec("cat", "/etc/hostname").stdout().strip()).isEqualTo("h9");
      // A namespace made inside is invisible outside.
      assertThat(h.exec("ip", "netns", "add", "inner").ok()).isTrue();
      assertThat(h.exec("ip", "netns", "list").stdout()).contains("inner");
      assertThat(Files.exists(Path.of("/run/netns/inner"))).isFalse();
      // Its /sys describes its own network namespace.
      assertThat(h.exec("ls", "/sys/class/net").stdout().strip()).isEqualTo("lo");
      assertThat(h.exec("ls", "/sys/fs/cgroup").stdout()).contains("pids");
      assertThat(h.exec("sh", "-c", "echo $$").ok()).isTrue();
    }
    assertThat(Files.exists(Path.of("/run/netns", name))).isFalse();
  }

  @Test
  void closingKillsEveryProcessOfTheHostEvenDetachedOnes() throws Exception {
    String name = uniqueName();
    VirtualHost h = VirtualHost.create(name, "h8", state);
    Process p = h.spawn(List.of("sh", "-c", "setsid sleep 1000 & sleep 1000"), Map.of(), state.resolve("spawn.log"));
    Thread.sleep(200);
    long sleepers = ProcessHandle.allProcesses()
        .filter(x -> x.info().commandLine().orElse("").contains("sleep 1000"))
        .count();
    assertThat(sleepers).isGreaterThanOrEqualTo(2);
    h.close();
    p.waitFor();
    Thread.sleep(100);
    assertThat(ProcessHandle.allProcesses()
        .filter(x -> x.info().commandLine().orElse("").contains("sleep 1000"))
        .count()).isZero();
    assertThat(Commands.check("ip", "netns", "list")).doesNotContain(name);
  }
}
