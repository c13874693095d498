package shoal.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import shoal.net.EndpointInfo;

class EtcFilesTest {
  @Test
  void resolvConfDropsLoopbackServersAndNeverAddsPublicOnes() {
    String host = "nameserver 127.0.0.53\nnameserver ::1\nsearch example.org\noptions ndots:2\n";
    String out = EtcFiles.resolvConf(false, host, List.of(), List.of(), List.of());
    assertThat(out).doesNotContainPattern("(?m)^nameserver").contains("search example.org").contains("options ndots:2");
    assertThat(out).doesNotContain("8.8.8.8");
    String mixed = EtcFiles.resolvConf(false, "nameserver 127.0.0.1\nnameserver 10.0.0.2\n", List.of(), List.of(), List.of());
    assertThat(mixed).contains("nameserver 10.0.0.2").doesNotContain("127.0.0.1");
  }

  @Test
  void resolvConfHonoursDnsOptionsAndHostMode() {
    String host = "nameserver 127.0.0.1\n";
    assertThat(EtcFiles.resolvConf(true, host, List.of(), List.of(), List.of())).isEqualTo(host);
    String user = EtcFiles.resolvConf(false, host, List.of("10.1.1.1"), List.of("corp"), List.of("rotate"));
    assertThat(user).contains("nameserver 10.1.1.1\n").contains("search corp\n").contains("options rotate\n");
  }

  @Test
  void hostsNamesTheContainerOnEachAddress() {
    EndpointInfo e = new EndpointInfo("n1", "bridge", "e1", "172.17.0.2", 16, "172.17.0.1", "02:42:ac:11:00:02", List.of());
    String hosts = EtcFiles.hosts(false, null, List.of("db:10.0.0.5"), List.of(e), "abc123", "");
    assertThat(hosts).startsWith("127.0.0.1\tlocalhost\n").contains("10.0.0.5\tdb\n").endsWith("172.17.0.2\tabc123\n");
    assertThat(EtcFiles.hosts(true, "HOSTS\n", List.of(), List.of(), "h", "")).isEqualTo("HOSTS\n");
  }
}
