package shoal.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import shoal.runtime.oci.DockerDefaults;

class ProcessResolverTest {
  @Test
  void environmentHasPathHostnameTermAndHome() {
    assertThat(ProcessResolver.environment(List.of("A=1"), "h1", false, "/root"))
        .containsExactly("PATH=" + DockerDefaults.PATH, "HOSTNAME=h1", "A=1", "HOME=/root");
    assertThat(ProcessResolver.environment(List.of("PATH=/x", "HOME=/h"), "h1", true, "/root"))
        .containsExactly("PATH=/x", "HOSTNAME=h1", "TERM=xterm", "HOME=/h");
  }

  @Test
  void capabilitiesAddAndDropOnDockersDefaults() {
    assertThat(ProcessResolver.capabilities(List.of(), List.of())).containsExactlyElementsOf(DockerDefaults.CAPABILITIES);
    List<String> c = ProcessResolver.capabilities(List.of("NET_ADMIN"), List.of("cap_chown", "MKNOD"));
    assertThat(c).contains("CAP_NET_ADMIN").doesNotContain("CAP_CHOWN", "CAP_MKNOD");
    assertThat(ProcessResolver.capabilities(List.of("SYS_TIME"), List.of("ALL"))).containsExactly("CAP_SYS_TIME");
    assertThat(ProcessResolver.capabilities(List.of("ALL"), List.of())).contains("CAP_SYS_ADMIN", "CAP_BPF");
    assertThatThrownBy(() -> ProcessResolver.capabilities(List.of("FLY"), List.of()))
        .hasMessage("unknown capability: \"FLY\"");
  }

  @Test
  void initUsesTheMergedCommandAndWorkingDir() {
    ContainerConfig c = ConfigMergeTest.user(List.of("sh", "-c"), List.of("echo hi"), List.of());
    var p = ProcessResolver.init(c, HostSettings.defaults(),
        new UserResolver.ExecUser(5, 6, List.of(7), "/home"), "abc");
    assertThat(p.args()).containsExactly("sh", "-c", "echo hi");
    assertThat(p.cwd()).isEqualTo("/");
    assertThat(p.uid()).isEqualTo(5);
    assertThat(p.additionalGids()).containsExactly(7);
    assertThat(p.env()).contains("HOSTNAME=abc", "HOME=/home");
  }
}
