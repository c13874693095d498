package shoal.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.common.CommandResult;
import shoal.testing.TestDaemon;

/**
 * LocalNetworking on a real kernel, driven as the container side will drive it (by
 * {@link NetworkingProbe} inside the test host while shoald is stopped), checked with ping and
 * curl between namespaces. An "outside" namespace behind the host, with no route back to container
 * subnets, stands for another machine: a container reaches it only through NAT.
 */
@Tag("netns")
class LocalNetworkingIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String C1 = "c1".repeat(32);
  private static final String C2 = "c2".repeat(32);
  private static final String C3 = "c3".repeat(32);
  private static final String C4 = "c4".repeat(32);
  private static final String SNAPSHOT = "sh ip -d link | sed -E 's/\\b\\w+_timer +[^ ]+//g'; ip netns list;"
      + " nft list ruleset; find /var/lib/shoal/network /run/shoal/network -type f | sort";

  TestDaemon d;
  String lastProbeLog = "";

  @BeforeEach
  void up() throws Exception {
    d = TestDaemon.start();
    sh("ip netns add outside && ip link add up0 type veth peer name eth0 netns outside"
        + " && ip addr add 203.0.113.1/24 dev up0 && ip link set up0 up"
        + " && ip -n outside addr add 203.0.113.2/24 dev eth0 && ip -n outside link set eth0 up"
        + " && ip -n outside link set lo up");
  }

  @AfterEach
  void down() {
    if (d != null) {
      d.close();
    }
  }

  @Test
  void containersOnABridgeReachEachOtherAndTheOutsideThroughNatButNotOtherBridges() throws Exception {
    ok(d.docker("network", "create", "web"));
    ok(d.docker("network", "create", "--internal", "sealed"));
    d.stop();
    List<JsonNode> r = probe("up " + C1 + " one web", "up " + C2 + " two web", "up " + C3 + " three bridge",
        "up " + C4 + " four sealed");
    String ip1 = r.get(0).at("/endpoints/web/ipv4Address").asText();
    String ip2 = r.get(1).at("/endpoints/web/ipv4Address").asText();
    assertThat(ip1).isEqualTo("172.18.0.2");
    assertThat(ip2).isEqualTo("172.18.0.3");
    assertThat(r.get(0).at("/endpoints/web/macAddress").asText()).isEqualTo("02:42:ac:12:00:02");
    assertThat(r.get(0).get("netnsPath").asText()).endsWith("/run/netns/shoal-c1c1c1c1c1c1");

    assertThat(ping(C1, ip2)).as("same network").isTrue();
    assertThat(ping(C1, "203.0.113.2")).as("egress through NAT").isTrue();
    assertThat(ping(C3, ip1)).as("another bridge network").isFalse();
    assertThat(ping(C3, "203.0.113.2")).as("default bridge egress").isTrue();
    assertThat(ping(C4, "203.0.113.2")).as("internal network egress").isFalse();
    assertThat(sh("ip -n shoal-c4c4c4c4c4c4 route")).doesNotContain("default");
    assertThat(sh("ip -n shoal-c1c1c1c1c1c1 route")).contains("default via 172.18.0.1 dev eth0");
  }

  @Test
  void publishedPortsAnswerFromTheHostItselfAndFromOtherHostsAndATakenPortIsRefused() throws Exception {
    d.stop();
    List<JsonNode> r = probe("up " + C1 + " web bridge -p tcp::8080:80", "up " + C2 + " any bridge -p tcp::0:80");
    assertThat(r.get(0).at("/ports/0/hostPort").asInt()).isEqualTo(8080);
    assertThat(r.get(1).at("/ports/0/hostPort").asInt()).isBetween(1024, 65535);
    serveHttp(C1, "hello from c1");
    assertThat(sh("curl -s --max-time 3 http://127.0.0.1:8080/")).isEqualTo("hello from c1\n");
    assertThat(sh("curl -s --max-time 3 http://172.17.0.1:8080/")).isEqualTo("hello from c1\n");
    assertThat(sh("ip netns exec outside curl -s --max-time 3 http://203.0.113.1:8080/")).isEqualTo("hello from c1\n");

    List<String> out = probeRaw(SNAPSHOT, "up " + C3 + " late bridge -p tcp::8080:80", SNAPSHOT);
    assertThat(out.get(1)).contains("Bind for 0.0.0.0:8080 failed: port is already allocated");
    assertThat(out.get(2)).isEqualTo(out.get(0));
  }

  @Test
  void aFailureHalfWayThroughASetUpUndoesEveryStep() throws Exception {
    String id = ok(d.docker("network", "create", "frail")).stdout().strip();
    d.stop();
    // The bridge vanishing behind Shoal's back makes the veth's "master" step fail after the
    // namespace and the veth pair were made.
    List<String> out = probeRaw("sh ip link del br-" + id.substring(0, 12), SNAPSHOT,
        "up " + C1 + " frail frail", SNAPSHOT);
    assertThat(out.get(2)).startsWith("error SystemException")
        .contains("master br-" + id.substring(0, 12)).contains("Device does not exist");
    assertThat(out.get(3)).isEqualTo(out.get(1));
  }

  @Test
  void connectAndDisconnectChangeARunningSandboxAndReleaseTheAddress() throws Exception {
    ok(d.docker("network", "create", "web"));
    d.stop();
    List<JsonNode> r = probe("up " + C1 + " one bridge", "up " + C2 + " two web", "connect " + C1 + " web");
    String peer = r.get(1).at("/endpoints/web/ipv4Address").asText();
    assertThat(r.get(2).get("ipv4Address").asText()).isEqualTo("172.18.0.3");
    assertThat(sh("ip -n shoal-c1c1c1c1c1c1 -br addr show eth1")).contains("172.18.0.3/16");
    assertThat(ping(C1, peer)).isTrue();

    List<JsonNode> after = probe("disconnect " + C1 + " web", "up " + C3 + " three web");
    assertThat(after.get(1).at("/endpoints/web/ipv4Address").asText()).isEqualTo("172.18.0.3");
    assertThat(d.inHost("ip", "-n", "shoal-c1c1c1c1c1c1", "link", "show", "eth1").ok()).isFalse();
    assertThat(ping(C1, peer)).isFalse();
  }

  @Test
  void aRestartedDaemonTakesOverSandboxesAndRepairsAMissingVeth() throws Exception {
    ok(d.docker("network", "create", "web"));
    d.stop();
    List<JsonNode> r = probe("up " + C1 + " one web -p tcp::8080:80", "up " + C2 + " two web");
    String veth = sh("ip -br link show master br-" + inspect(r, 0).substring(0, 12) + " | head -1 | cut -d@ -f1").strip();
    serveHttp(C1, "still here");
    d.restart();
    JsonNode web = JSON.readTree(ok(d.docker("network", "inspect", "web")).stdout()).get(0);
    assertThat(web.at("/Containers/" + C1 + "/Name").asText()).isEqualTo("one");
    assertThat(web.at("/Containers/" + C1 + "/IPv4Address").asText()).isEqualTo("172.18.0.2/16");

    KernelState before = KernelState.of(d);
    CommandResult rm = d.docker("network", "rm", "web");
    assertThat(rm.stderr()).contains("has active endpoints");
    assertThat(KernelState.of(d)).isEqualTo(before);

    d.kill9();
    sh("ip link del " + veth);
    d.restart();
    assertThat(ping(C2, "172.18.0.2")).isTrue();
    assertThat(sh("curl -s --max-time 3 http://127.0.0.1:8080/")).isEqualTo("still here\n");
    ok(d.docker("network", "create", "web2"));
    assertThat(JSON.readTree(ok(d.docker("network", "inspect", "web2")).stdout()).get(0)
        .at("/IPAM/Config/0/Subnet").asText()).isEqualTo("172.19.0.0/16");
  }

  @Test
  void noneModeHasOnlyLoopbackAndHostModeNoNamespace() throws Exception {
    d.stop();
    List<JsonNode> r = probe("up " + C1 + " lonely none", "up " + C2 + " hosted host -p tcp::8081:80");
    assertThat(sh("ip -n shoal-c1c1c1c1c1c1 -br link").lines()).hasSize(1).first().asString().startsWith("lo ");
    assertThat(sh("ip -n shoal-c1c1c1c1c1c1 -br addr show lo")).contains("127.0.0.1/8");
    assertThat(r.get(1).get("netnsPath").isNull()).isTrue();
    assertThat(r.get(1).get("ports")).as("host mode publishes nothing").isEmpty();
    d.restart();
    assertThat(ok(d.docker("network", "inspect", "-f", "{{range $k, $v := .Containers}}{{$v.Name}}{{end}}", "host"))
        .stdout().strip()).isEqualTo("hosted");
    assertThat(ok(d.docker("network", "inspect", "-f", "{{range $k, $v := .Containers}}{{$v.Name}}{{end}}", "none"))
        .stdout().strip()).isEqualTo("lonely");
  }

  private static String inspect(List<JsonNode> r, int i) {
    return r.get(i).at("/endpoints/web/networkId").asText();
  }

  private boolean ping(String container, String ip) {
    return d.inHost("ip", "netns", "exec", "shoal-" + container.substring(0, 12),
        "busybox", "ping", "-c", "1", "-W", "1", ip).ok();
  }

  private void serveHttp(String container, String body) {
    String dir = "/run/www-" + container.substring(0, 4);
    sh("mkdir -p " + dir + " && echo '" + body + "' > " + dir + "/index.html"
        + " && ip netns exec shoal-" + container.substring(0, 12) + " busybox httpd -p 80 -h " + dir);
  }

  private String sh(String script) {
    return ok(d.inHost("sh", "-c", script)).stdout();
  }

  private List<JsonNode> probe(String... commands) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : probeRaw(commands)) {
      assertThat(line).as(lastProbeLog).doesNotStartWith("error");
      out.add(JSON.readTree(line));
    }
    return out;
  }

  /** One line per command: JSON, or "error ..."; a {@code sh} command's output as a JSON string. */
  private List<String> probeRaw(String... commands) throws Exception {
    List<String> argv = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        NetworkingProbe.class.getName()));
    argv.addAll(List.of(commands));
    CommandResult r = ok(d.inHost(argv.toArray(String[]::new)));
    lastProbeLog = r.stderr();
    return r.stdout().lines().toList();
  }

  private static CommandResult ok(CommandResult r) {
    assertThat(r.ok()).as(r.failure()).isTrue();
    return r;
  }
}
