package shoal.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import shoal.common.CommandResult;
import shoal.net.ipam.Ipv4Subnet;
import shoal.testing.TestDaemon;

/** Swarm networks on a one-node swarm, as the stock docker CLI creates, shows and removes them. */
@Tag("netns")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverlayNetworkIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestDaemon d;

  @BeforeAll
  static void start() throws Exception {
    d = TestDaemon.start();
    ok("swarm", "init", "--advertise-addr", "127.0.0.1");
  }

  @AfterAll
  static void stop() {
    if (d != null) {
      d.close();
    }
  }

  static String ok(String... args) {
    CommandResult r = d.docker(Duration.ofSeconds(60), args);
    assertThat(r.ok()).as("docker %s: %s", String.join(" ", args), r.failure()).isTrue();
    return r.stdout();
  }

  static String fails(String... args) {
    CommandResult r = d.docker(Duration.ofSeconds(60), args);
    assertThat(r.ok()).as("docker %s should fail", String.join(" ", args)).isFalse();
    return r.stderr().strip();
  }

  static void await(String what, java.util.function.BooleanSupplier c) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!c.getAsBoolean()) {
      assertThat(System.nanoTime()).as("within 20 s: " + what).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  static JsonNode inspect(String network) throws Exception {
    return JSON.readTree(ok("network", "inspect", network)).get(0);
  }

  @Test
  @Order(1)
  void swarmInitMakesTheIngressNetworkAsDockerShowsIt() throws Exception {
    JsonNode n = inspect("ingress");
    assertThat(n.get("Id").asText()).matches("[0-9a-z]{25}");
    assertThat(n.get("Scope").asText()).isEqualTo("swarm");
    assertThat(n.get("Driver").asText()).isEqualTo("overlay");
    assertThat(n.get("IPAM").toString())
        .isEqualTo("{\"Driver\":\"default\",\"Options\":null,\"Config\":[{\"Subnet\":\"10.0.0.0/24\",\"Gateway\":\"10.0.0.1\"}]}");
    assertThat(n.get("Options").toString()).isEqualTo("{\"com.docker.network.driver.overlay.vxlanid_list\":\"4096\"}");
    assertThat(n.get("Ingress").asBoolean()).isTrue();
    assertThat(n.get("Attachable").asBoolean()).isFalse();
    assertThat(n.get("Internal").asBoolean()).isFalse();
    assertThat(n.get("Labels").toString()).isEqualTo("{}");
    assertThat(ok("network", "ls", "--format", "{{.Name}} {{.Driver}} {{.Scope}}").lines())
        .contains("ingress overlay swarm", "bridge bridge local", "host host local", "none null local");
  }

  @Test
  @Order(2)
  void overlayNetworksAreCreatedAsTheReferenceSwarmShowsThem() throws Exception {
    assertThat(ok("network", "create", "--driver", "overlay", "--opt", "encrypted", "my-overlay").strip()).matches("[0-9a-z]{25}");
    assertThat(ok("network", "inspect", "-f",
        "Scope={{.Scope}} Driver={{.Driver}} Attachable={{.Attachable}} Options={{.Options}} IPAM={{.IPAM.Config}}",
        "my-overlay").strip())
        .isEqualTo("Scope=swarm Driver=overlay Attachable=false Options=map[com.docker.network.driver.overlay.vxlanid_list:4097 encrypted:] IPAM=[{10.0.1.0/24  10.0.1.1 map[]}]");
    ok("network", "create", "--driver", "overlay", "--attachable", "plain-overlay");
    JsonNode plain = inspect("plain-overlay");
    assertThat(plain.get("IPAM").get("Config").toString()).isEqualTo("[{\"Subnet\":\"10.0.2.0/24\",\"Gateway\":\"10.0.2.1\"}]");
    assertThat(plain.get("Options").toString()).isEqualTo("{\"com.docker.network.driver.overlay.vxlanid_list\":\"4098\"}");
    assertThat(plain.get("Attachable").asBoolean()).isTrue();
    assertThat(plain.get("Labels").isNull()).isTrue();
    JsonNode verbose = JSON.readTree(ok("network", "inspect", "-v", "plain-overlay")).get(0);
    assertThat(verbose.get("Peers").isArray()).isTrue();
    assertThat(verbose.get("Services").isObject()).isTrue();

    ok("network", "create", "-d", "overlay", "--subnet", "10.50.0.0/16", "--gateway", "10.50.0.254",
        "--ip-range", "10.50.1.0/24", "--internal", "--label", "team=blue", "given");
    JsonNode given = inspect("given");
    assertThat(given.get("IPAM").get("Config").toString())
        .isEqualTo("[{\"Subnet\":\"10.50.0.0/16\",\"IPRange\":\"10.50.1.0/24\",\"Gateway\":\"10.50.0.254\"}]");
    assertThat(given.get("Internal").asBoolean()).isTrue();
    assertThat(given.get("Labels").toString()).isEqualTo("{\"team\":\"blue\"}");
    assertThat(ok("network", "ls", "--filter", "driver=overlay", "--format", "{{.Name}} {{.Scope}}").lines())
        .containsExactlyInAnyOrder("ingress swarm", "my-overlay swarm", "plain-overlay swarm", "given swarm");
    assertThat(ok("network", "ls", "--filter", "scope=local", "--format", "{{.Name}}").lines()).doesNotContain("given");
  }

  @Test
  @Order(3)
  void badRequestsAreRefusedInDockersWordsAndChangeNothing() {
    String before = ok("network", "ls", "-q");
    assertThat(fails("network", "create", "-d", "overlay", "--subnet", "10.0.1.128/25", "clash"))
        .contains("Pool overlaps with other one on this address space").contains("10.0.1.0/24 of network my-overlay");
    assertThat(fails("network", "create", "-d", "overlay", "my-overlay"))
        .isEqualTo("Error response from daemon: network with name my-overlay already exists");
    assertThat(fails("network", "create", "-d", "overlay", "bridge"))
        .isEqualTo("Error response from daemon: bridge is a pre-defined network and cannot be created");
    assertThat(fails("network", "create", "plain-overlay"))
        .isEqualTo("Error response from daemon: network with name plain-overlay already exists");
    assertThat(ok("network", "ls", "-q")).isEqualTo(before);
  }

  @Test
  @Order(4)
  void subnetsAndVxlanIdsNeverRepeatAcrossManyCreatesAndRemovals() throws Exception {
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      made.add("many-" + i);
      ok("network", "create", "-d", "overlay", "many-" + i);
      if (i % 4 == 3) {
        ok("network", "rm", made.remove(made.size() - 3));
      }
    }
    List<Ipv4Subnet> subnets = new ArrayList<>();
    Set<String> vnis = new HashSet<>();
    for (String id : ok("network", "ls", "-q", "--filter", "driver=overlay").strip().split("\n")) {
      JsonNode n = inspect(id);
      Ipv4Subnet s = Ipv4Subnet.parse(n.get("IPAM").get("Config").get(0).get("Subnet").asText());
      assertThat(subnets).as("subnet of %s", n.get("Name")).noneMatch(s::overlaps);
      subnets.add(s);
      assertThat(vnis.add(n.get("Options").get("com.docker.network.driver.overlay.vxlanid_list").asText())).isTrue();
    }
    assertThat(subnets).hasSize(4 + 9);
  }

  @Test
  @Order(5)
  void aServicesTasksCarryTheirAddressesAndItsNetworkCannotBeRemovedWhileUsed() throws Exception {
    String plain = inspect("plain-overlay").get("Id").asText();
    String svc = ok("service", "create", "-d", "--no-resolve-image", "--name", "web", "--replicas", "2",
        "--network", "plain-overlay", "busybox", "sleep", "1d").strip();
    assertThat(ok("service", "inspect", "-f", "{{range .Spec.TaskTemplate.Networks}}{{.Target}}{{end}}", "web").strip())
        .isEqualTo(plain);
    await("web's VIP", () -> !ok("service", "inspect", "-f", "{{.Endpoint.VirtualIPs}}", "web").strip().equals("[]"));
    String vip = ok("service", "inspect", "-f", "{{range .Endpoint.VirtualIPs}}{{.NetworkID}} {{.Addr}}{{end}}", "web").strip();
    assertThat(vip).matches(plain + " 10\\.0\\.2\\.\\d+/24");
    Set<String> addresses = new HashSet<>();
    addresses.add(vip.split(" ")[1]);
    await("2 tasks past allocation", () -> ok("service", "ps", "-f", "desired-state=running", "--format", "{{.CurrentState}}", "web")
        .lines().filter(l -> !l.startsWith("New")).count() == 2);
    for (String task : ok("service", "ps", "-q", "web").strip().split("\n")) {
      String at = ok("inspect", "-f", "{{range .NetworksAttachments}}{{.Network.ID}} {{join .Addresses \",\"}}{{end}}", task).strip();
      assertThat(at).matches(plain + " 10\\.0\\.2\\.\\d+/24");
      addresses.add(at.split(" ")[1]);
    }
    assertThat(addresses).hasSize(3);

    // -v's Peers: the nodes hosting the network's endpoints (here the only node, by its advertise address).
    String name = ok("info", "-f", "{{.Name}}").strip();
    await("web's tasks running", () -> ok("service", "ps", "-f", "desired-state=running", "--format", "{{.CurrentState}}", "web")
        .lines().filter(l -> l.startsWith("Running")).count() == 2);
    assertThat(ok("network", "inspect", "-v", "-f", "{{range .Peers}}{{.Name}} {{.IP}};{{end}}", "plain-overlay").strip())
        .isEqualTo(name + " 127.0.0.1;");

    assertThat(fails("network", "rm", "plain-overlay").lines().findFirst().orElseThrow()).isEqualTo("Error response from daemon: rpc error: code = FailedPrecondition desc = network "
        + plain + " is in use by service " + svc);
    assertThat(inspect("plain-overlay").get("Id").asText()).isEqualTo(plain);
    assertThat(fails("service", "create", "--no-resolve-image", "--network", "nope", "busybox", "sleep", "1d"))
        .contains("network nope not found");

    ok("service", "rm", "web");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    CommandResult rm;
    while (!(rm = d.docker(Duration.ofSeconds(60), "network", "rm", "plain-overlay")).ok()) {
      assertThat(rm.stderr()).contains("is in use by task");
      assertThat(System.nanoTime()).as("network rm within 30 s of service rm").isLessThan(deadline);
      Thread.sleep(200);
    }
    assertThat(ok("network", "ls", "--filter", "name=plain-overlay", "-q")).isEmpty();
  }

  @Test
  @Order(6)
  void leavingTheSwarmHidesItsNetworks() {
    ok("swarm", "leave", "--force");
    // docker_gwbridge, a local network, stays after a leave, as Docker's does.
    assertThat(ok("network", "ls", "--format", "{{.Name}}").lines().filter(n -> !n.equals("docker_gwbridge")))
        .containsExactlyInAnyOrder("bridge", "host", "none");
    assertThat(fails("network", "create", "-d", "overlay", "later")).isEqualTo("Error response from daemon: "
        + "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.");
  }
}
