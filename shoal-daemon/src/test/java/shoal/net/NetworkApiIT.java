package shoal.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shoal.common.CommandResult;
import shoal.testing.TestDaemon;

/** Network objects through the Engine API and the stock docker CLI, and what they make in the kernel. */
@Tag("netns")
class NetworkApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  static TestDaemon d;

  @BeforeAll
  static void up() throws Exception {
    d = TestDaemon.start();
  }

  @AfterAll
  static void down() {
    if (d != null) {
      d.close();
    }
  }

  static CommandResult ok(CommandResult r) {
    assertThat(r.ok()).as(r.failure()).isTrue();
    return r;
  }

  static JsonNode inspect(String net) throws Exception {
    return JSON.readTree(ok(d.docker("network", "inspect", net)).stdout()).get(0);
  }

  /** Status code and body of an API call made from inside the host. */
  static String[] call(String method, String path, String body) {
    List<String> argv = new java.util.ArrayList<>(List.of("curl", "-sS", "-w", "\n%{http_code}",
        "--unix-socket", "/run/shoal.sock", "-X", method, "-H", "Content-Type: application/json"));
    if (body != null) {
      argv.addAll(List.of("--data-binary", body));
    }
    argv.add("http://shoal/v1.41" + path);
    String out = ok(d.inHost(argv.toArray(String[]::new))).stdout();
    int nl = out.lastIndexOf('\n');
    return new String[] {out.substring(nl + 1), out.substring(0, nl)};
  }

  @Test
  void predefinedNetworksAreListedLikeDockers() {
    String ls = ok(d.docker("network", "ls", "--format", "{{.Name}} {{.Driver}} {{.Scope}}")).stdout();
    assertThat(ls.lines()).contains("bridge bridge local", "host host local", "none null local");
  }

  @Test
  void defaultBridgeIsShoal0WithGatewayForwardingAndNat() throws Exception {
    JsonNode b = inspect("bridge");
    assertThat(b.at("/IPAM/Config/0/Subnet").asText()).isEqualTo("172.17.0.0/16");
    assertThat(b.at("/IPAM/Config/0/Gateway").asText()).isEqualTo("172.17.0.1");
    assertThat(b.at("/Options/com.docker.network.bridge.name").asText()).isEqualTo("shoal0");
    assertThat(ok(d.inHost("ip", "-4", "-br", "addr", "show", "shoal0")).stdout()).contains("172.17.0.1/16");
    assertThat(ok(d.inHost("ip", "link", "show", "shoal0")).stdout()).containsPattern("<[A-Z_,-]*UP[,>]");
    assertThat(ok(d.inHost("cat", "/proc/sys/net/ipv4/ip_forward")).stdout().strip()).isEqualTo("1");
    assertThat(ok(d.inHost("nft", "list", "table", "ip", "shoal")).stdout())
        .contains("ip saddr 172.17.0.0/16 oifname != \"shoal0\" masquerade");
  }

  @Test
  void createdNetworkHasItsBridgeNatAndDockersInspectShape() throws Exception {
    String id = ok(d.docker("network", "create", "--label", "team=web", "apinet")).stdout().strip();
    try {
      JsonNode n = inspect("apinet");
      assertThat(n.get("Id").asText()).isEqualTo(id).hasSize(64);
      assertThat(n.get("Driver").asText()).isEqualTo("bridge");
      assertThat(n.get("Scope").asText()).isEqualTo("local");
      assertThat(n.get("Internal").asBoolean()).isFalse();
      assertThat(n.at("/Labels/team").asText()).isEqualTo("web");
      assertThat(n.get("Containers").isObject()).isTrue();
      assertThat(n.at("/ConfigFrom/Network").asText()).isEmpty();
      String subnet = n.at("/IPAM/Config/0/Subnet").asText();
      String bridge = "br-" + id.substring(0, 12);
      assertThat(ok(d.inHost("ip", "-4", "-br", "addr", "show", bridge)).stdout())
          .contains(n.at("/IPAM/Config/0/Gateway").asText() + "/");
      assertThat(ok(d.inHost("nft", "list", "table", "ip", "shoal")).stdout())
          .contains("ip saddr " + subnet + " oifname != \"" + bridge + "\" masquerade")
          .contains("iifname \"" + bridge + "\" oifname @bridges oifname != \"" + bridge + "\" drop");
      assertThat(inspect(id.substring(0, 6)).get("Name").asText()).isEqualTo("apinet");
    } finally {
      ok(d.docker("network", "rm", "apinet"));
    }
    assertThat(d.inHost("ip", "link", "show", "br-" + id.substring(0, 12)).ok()).isFalse();
    assertThat(ok(d.inHost("nft", "list", "table", "ip", "shoal")).stdout()).doesNotContain(id.substring(0, 12));
  }

  @Test
  void subnetGatewayRangeInternalAndOptionsAreHonoured() throws Exception {
    ok(d.docker("network", "create", "--subnet", "10.77.0.0/16", "--gateway", "10.77.0.254",
        "--ip-range", "10.77.8.0/24", "--internal", "-o", "com.docker.network.bridge.name=inner0",
        "-o", "com.docker.network.driver.mtu=1400", "inner"));
    try {
      JsonNode n = inspect("inner");
      assertThat(n.at("/IPAM/Config/0/Subnet").asText()).isEqualTo("10.77.0.0/16");
      assertThat(n.at("/IPAM/Config/0/Gateway").asText()).isEqualTo("10.77.0.254");
      assertThat(n.at("/IPAM/Config/0/IPRange").asText()).isEqualTo("10.77.8.0/24");
      assertThat(n.get("Internal").asBoolean()).isTrue();
      assertThat(ok(d.inHost("ip", "-d", "link", "show", "inner0")).stdout()).contains("mtu 1400").contains("bridge");
      String rules = ok(d.inHost("nft", "list", "table", "ip", "shoal")).stdout();
      assertThat(rules).doesNotContain("10.77.0.0/16").contains("iifname \"inner0\" oifname != \"inner0\" drop");
    } finally {
      ok(d.docker("network", "rm", "inner"));
    }
  }

  @Test
  void listFiltersByNameDriverLabelTypeAndDangling() {
    ok(d.docker("network", "create", "--label", "tier=db", "flt-db"));
    ok(d.docker("network", "create", "flt-web"));
    try {
      assertThat(names("name=flt-")).containsExactlyInAnyOrder("flt-db", "flt-web");
      assertThat(names("label=tier=db")).containsExactly("flt-db");
      assertThat(names("driver=null")).containsExactly("none");
      assertThat(names("type=builtin")).containsExactlyInAnyOrder("bridge", "host", "none");
      assertThat(names("dangling=true")).contains("flt-db", "flt-web").doesNotContain("bridge");
      assertThat(d.docker("network", "ls", "-f", "type=weird").stderr()).contains("invalid filter: 'type'='weird'");
    } finally {
      ok(d.docker("network", "rm", "flt-db", "flt-web"));
    }
  }

  private static List<String> names(String filter) {
    return ok(d.docker("network", "ls", "-f", filter, "--format", "{{.Name}}")).stdout().lines().toList();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"Name\":\"bad name\"}|400|invalid network name",
      "{\"Name\":\"\"}|400|network name must not be empty",
      "{\"Name\":\"s1\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.1.0.0/40\"}]}}|400|invalid CIDR address",
      "{\"Name\":\"s2\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.1.0.0/16\",\"Gateway\":\"10.9.0.1\"}]}}|400|no matching subnet for gateway",
      "{\"Name\":\"s3\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.1.0.0/16\",\"IPRange\":\"10.2.0.0/24\"}]}}|400|no matching subnet for range",
      "{\"Name\":\"s4\",\"IPAM\":{\"Config\":[{\"Subnet\":\"172.17.1.0/24\"}]}}|400|Pool overlaps",
      "{\"Name\":\"s5\",\"Driver\":\"macvlan\"}|400|not found: the drivers of this host are bridge, host and null",
      "{\"Name\":\"s6\",\"Options\":{\"com.docker.network.driver.mtu\":\"abc\"}}|400|invalid MTU",
      "{\"Name\":\"s7\",\"Options\":{\"com.docker.network.bridge.name\":\"shoal0\"}}|400|already used",
      "{\"Name\":\"bridge\"}|403|operation is not permitted on predefined bridge network",
      "{not json|400|malformed JSON"})
  void badCreateRequestsAreRefusedAndChangeNothing(String body, String status, String message) {
    KernelState before = KernelState.of(d);
    String[] r = call("POST", "/networks/create", body);
    assertThat(r[0]).as(r[1]).isEqualTo(status);
    assertThat(r[1]).contains(message).startsWith("{\"message\":");
    assertThat(KernelState.of(d)).isEqualTo(before);
  }

  @Test
  void overlappingSubnetOfAUserNetworkIsRefusedAndChangesNothing() {
    ok(d.docker("network", "create", "--subnet", "10.50.0.0/16", "first"));
    try {
      KernelState before = KernelState.of(d);
      CommandResult r = d.docker("network", "create", "--subnet", "10.50.128.0/17", "second");
      assertThat(r.ok()).isFalse();
      assertThat(r.stderr()).contains("Pool overlaps with other one on this address space");
      CommandResult dup = d.docker("network", "create", "first");
      assertThat(dup.stderr()).contains("network with name first already exists");
      assertThat(KernelState.of(d)).isEqualTo(before);
    } finally {
      ok(d.docker("network", "rm", "first"));
    }
  }

  @Test
  void predefinedNetworksCannotBeRemovedAndUnknownOnesAreNotFound() {
    String[] r = call("DELETE", "/networks/bridge", null);
    assertThat(r[0]).isEqualTo("403");
    assertThat(r[1]).contains("bridge is a pre-defined network and cannot be removed");
    CommandResult missing = d.docker("network", "rm", "nosuchnet");
    assertThat(missing.ok()).isFalse();
    assertThat(missing.stderr()).contains("network nosuchnet not found");
    String[] c = call("POST", "/networks/bridge/connect", "{\"Container\":\"ghost\"}");
    assertThat(c[0]).isEqualTo("404");
    assertThat(c[1]).contains("No such container: ghost");
  }

  @Test
  void pruneRemovesUserNetworksOnlyAndReportsThem() {
    ok(d.docker("network", "create", "--label", "keep=yes", "pr-keep"));
    ok(d.docker("network", "create", "pr-a"));
    try {
      String out = ok(d.docker("network", "prune", "-f", "--filter", "label!=keep")).stdout();
      assertThat(out).contains("pr-a").doesNotContain("pr-keep");
      assertThat(names("name=pr-")).containsExactly("pr-keep");
      assertThat(names("type=builtin")).hasSize(3);
    } finally {
      d.docker("network", "rm", "pr-keep", "pr-a");
    }
  }

  @Test
  void createAndDestroyAreEvents() throws Exception {
    ProcessBuilder pb = new ProcessBuilder("/usr/local/bin/docker", "events", "--filter", "type=network",
        "--format", "{{.Action}} {{.Actor.Attributes.name}}");
    pb.environment().put("DOCKER_HOST", "unix://" + d.socket());
    pb.redirectErrorStream(true);
    Process events = pb.start();
    var output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return new String(events.getInputStream().readAllBytes());
      } catch (java.io.IOException e) {
        return "";
      }
    });
    try {
      Thread.sleep(500); // the subscription is live once the CLI has connected
      ok(d.docker("network", "create", "evnet"));
      ok(d.docker("network", "rm", "evnet"));
      Thread.sleep(500);
    } finally {
      // SIGTERM makes the CLI exit; its output is complete by then.
      ProcessHandle.of(events.pid()).ifPresent(ProcessHandle::destroy);
      events.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
    }
    String out = output.get(5, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(out.lines()).contains("create evnet", "destroy evnet");
  }

}
