package shoal.runtime.oci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OciSpecTest {
  private static final ProcessSpec PROCESS = new ProcessSpec(List.of("sh", "-c", "true"), List.of("PATH=/bin"), "/work",
      1000, 100, List.of(10, 20), true, DockerDefaults.CAPABILITIES);

  private static BundleSpec bundle(Path netns) {
    return new BundleSpec(PROCESS, Path.of("/var/lib/shoal/overlay/abc/merged"), false, "web", "", netns,
        "/shoal/abc", List.of(new BundleSpec.Bind(Path.of("/var/lib/shoal/containers/abc/hosts"), "/etc/hosts", false)));
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(field == null ? n.asText() : n.path(field).asText()));
    return out;
  }

  @Test
  void configHasDockersDefaultsAndTheContainersNamespaces() {
    ObjectNode c = OciSpec.config(bundle(Path.of("/run/netns/shoal-abc")));
    assertThat(c.path("root").path("path").asText()).isEqualTo("/var/lib/shoal/overlay/abc/merged");
    assertThat(c.path("hostname").asText()).isEqualTo("web");
    assertThat(c.path("linux").path("cgroupsPath").asText()).isEqualTo("/shoal/abc");
    assertThat(texts(c.path("linux").path("namespaces"), "type")).containsExactly("mount", "pid", "ipc", "uts", "network");
    assertThat(c.path("linux").path("namespaces").get(4).path("path").asText()).isEqualTo("/run/netns/shoal-abc");
    assertThat(texts(c.path("linux").path("maskedPaths"), null)).contains("/proc/kcore", "/sys/firmware");
    assertThat(texts(c.path("linux").path("readonlyPaths"), null)).contains("/proc/sys", "/proc/sysrq-trigger");
    assertThat(texts(c.path("mounts"), "destination")).containsExactly(
        "/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup", "/dev/mqueue", "/dev/shm", "/etc/hosts");
    JsonNode sys = c.path("mounts").get(3);
    assertThat(texts(sys.path("options"), null)).contains("ro");
    assertThat(texts(c.path("mounts").get(7).path("options"), null)).containsExactly("rbind", "rprivate");
  }

  @Test
  void hostModeSharesTheHostsNetworkNamespace() {
    ObjectNode c = OciSpec.config(bundle(null));
    assertThat(texts(c.path("linux").path("namespaces"), "type")).doesNotContain("network");
  }

  @Test
  void processCarriesUserCapabilitiesAndTerminal() {
    ObjectNode p = OciSpec.process(PROCESS);
    assertThat(p.path("terminal").asBoolean()).isTrue();
    assertThat(p.path("user").path("uid").asInt()).isEqualTo(1000);
    assertThat(p.path("user").path("gid").asInt()).isEqualTo(100);
    assertThat(texts(p.path("user").path("additionalGids"), null)).containsExactly("10", "20");
    assertThat(p.path("cwd").asText()).isEqualTo("/work");
    assertThat(texts(p.path("capabilities").path("bounding"), null)).containsExactlyElementsOf(DockerDefaults.CAPABILITIES);
    assertThat(p.has("rlimits")).isFalse();
  }

  @Test
  void aTerminalOfKnownSizeIsSizedByRuncBeforeTheProcessRuns() {
    ObjectNode sized = OciSpec.process(PROCESS.withConsoleSize(22, 77));
    assertThat(sized.path("consoleSize").path("height").asInt()).isEqualTo(22);
    assertThat(sized.path("consoleSize").path("width").asInt()).isEqualTo(77);
    assertThat(OciSpec.process(PROCESS).has("consoleSize")).isFalse();
  }
}
