package shoal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static shoal.it.SwarmLab.await;
import static shoal.it.SwarmLab.docker;
import static shoal.it.SwarmLab.join;
import static shoal.it.SwarmLab.nodeLs;
import static shoal.it.SwarmLab.ok;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.common.CommandResult;
import shoal.common.Commands;
import shoal.lab.Lab;
import shoal.lab.LabHost;
import shoal.lab.junit.WithLab;

/** Swarm networks and their allocations across a lab swarm, through the stock docker CLI. */
@Tag("netns")
class OverlayAllocationIT {
  private static final Duration CONVERGE = Duration.ofSeconds(30);

  /** Subnet, gateway and VXLAN ID as {@code network inspect} shows them. */
  private static String allocation(LabHost h, String network) {
    return ok(h, "network", "inspect", "-f",
        "{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}} {{index .Options \"com.docker.network.driver.overlay.vxlanid_list\"}}",
        network).strip();
  }

  /** Each task of the service wanted running and its address(es), as {@code docker inspect} of the task shows them. */
  private static Map<String, String> taskAddresses(LabHost h, String service) {
    Map<String, String> out = new TreeMap<>();
    for (String id : ok(h, "service", "ps", "-q", "-f", "desired-state=running", service).strip().split("\n")) {
      if (!id.isBlank()) {
        out.put(id, ok(h, "inspect", "-f", "{{range .NetworksAttachments}}{{join .Addresses \",\"}}{{end}}", id).strip());
      }
    }
    return out;
  }

  private static boolean allAddressed(Map<String, String> tasks, int count) {
    return tasks.size() == count && tasks.values().stream().noneMatch(String::isEmpty);
  }

  @Test
  @WithLab(nodes = 3)
  void allocationsSurviveTheLeadersDeathAndTheNewLeaderNeverHandsOutAnAddressTwice(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    LabHost h2 = lab.host("h2");
    LabHost h3 = lab.host("h3");
    ok(h1, "swarm", "init", "--advertise-addr", h1.address(),
        "--default-addr-pool", "10.123.0.0/16", "--default-addr-pool-mask-length", "26");
    assertThat(allocation(h1, "ingress")).isEqualTo("10.123.0.0/26 10.123.0.1 4096");
    String managers = SwarmLab.token(h1, "manager");
    join(h2, managers, h1);
    join(h3, managers, h1);
    await("three Ready managers", Duration.ofSeconds(20), () -> nodeLs(h1).values().stream()
        .allMatch(r -> r.status().equals("Ready") && !r.managerStatus().isEmpty() && !r.managerStatus().equals("Unreachable")));

    // Made on a follower: forwarded to the leader, allocated by its allocator, answered once allocated.
    ok(h2, "network", "create", "-d", "overlay", "--attachable", "front");
    assertThat(allocation(h3, "front")).isEqualTo("10.123.0.64/26 10.123.0.65 4097");
    ok(h3, "service", "create", "-d", "--no-resolve-image", "--name", "web", "--replicas", "3", "--network", "front",
        "busybox", "sleep", "1d");
    await("3 tasks with addresses", CONVERGE, () -> allAddressed(taskAddresses(h1, "web"), 3));
    Map<String, String> before = taskAddresses(h1, "web");
    String vip = ok(h1, "service", "inspect", "-f", "{{range .Endpoint.VirtualIPs}}{{.Addr}}{{end}}", "web").strip();

    h1.daemon().kill9();
    await("a new leader", Duration.ofSeconds(15), () -> nodeLs(h2).values().stream()
        .anyMatch(r -> r.managerStatus().equals("Leader") && !r.hostname().equals("h1")));
    assertThat(allocation(h2, "front")).isEqualTo("10.123.0.64/26 10.123.0.65 4097");
    assertThat(ok(h2, "service", "inspect", "-f", "{{range .Endpoint.VirtualIPs}}{{.Addr}}{{end}}", "web").strip()).isEqualTo(vip);
    Map<String, String> running = taskAddresses(h2, "web");
    before.forEach((task, addr) -> {
      if (running.containsKey(task)) {
        assertThat(running.get(task)).as("address of task %s", task).isEqualTo(addr);
      }
    });

    ok(h2, "service", "scale", "-d", "web=8");
    await("8 tasks with addresses", CONVERGE, () -> allAddressed(taskAddresses(h3, "web"), 8));
    Set<String> seen = new HashSet<>();
    seen.add(vip);
    for (String addr : taskAddresses(h3, "web").values()) {
      assertThat(addr).matches("10\\.123\\.0\\.(6[6-9]|[7-9]\\d|1[01]\\d|12[0-6])/26");
      assertThat(seen.add(addr)).as("%s handed out once", addr).isTrue();
    }
    ok(h3, "network", "create", "-d", "overlay", "back");
    assertThat(allocation(h2, "back")).isEqualTo("10.123.0.128/26 10.123.0.129 4098");
  }

  @Test
  @WithLab(nodes = 2)
  void aWorkerCannotCreateAnOverlayAndDoesNotListOneItDoesNotUse(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    LabHost h2 = lab.host("h2");
    ServiceLab.swarm(lab, "h1", "h2");
    CommandResult refused = docker(h2, "network", "create", "-d", "overlay", "mine");
    assertThat(refused.ok()).isFalse();
    assertThat(refused.stderr().strip()).isEqualTo("Error response from daemon: "
        + "Cannot create a multi-host network from a worker node. Please create the network from a manager node.");

    ok(h1, "network", "create", "-d", "overlay", "--attachable", "plain-overlay");
    assertThat(ok(h1, "network", "ls", "--filter", "name=plain-overlay", "--format", "{{.Name}} {{.Scope}}").strip())
        .isEqualTo("plain-overlay swarm");
    assertThat(ok(h2, "network", "ls", "--filter", "name=plain-overlay", "-q")).isEmpty();
    assertThat(ok(h2, "network", "ls", "--format", "{{.Name}}").lines()).contains("bridge", "host", "none");
    // As on Docker's workers: ingress is listed on every node of the swarm, used or not.
    await("ingress listed on the worker", Duration.ofSeconds(10),
        () -> ok(h2, "network", "ls", "--filter", "driver=overlay", "--format", "{{.Name}}").strip().equals("ingress"));
  }

  @Test
  @WithLab(nodes = 1)
  void shoalsOwnCliCreatesShowsAndRemovesOverlayNetworks(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    SwarmLab.init(h1);
    CommandResult made = shoal(h1, "network", "create", "-d", "overlay", "--attachable", "--opt", "encrypted",
        "--subnet", "10.77.0.0/24", "--scope", "swarm", "cli-net");
    assertThat(made.exitCode()).as(made.failure()).isZero();
    assertThat(ok(h1, "network", "inspect", "-f", "{{.Attachable}} {{.Options}} {{.IPAM.Config}}", "cli-net").strip())
        .isEqualTo("true map[com.docker.network.driver.overlay.vxlanid_list:4097 encrypted:] [{10.77.0.0/24  10.77.0.1 map[]}]");
    assertThat(shoal(h1, "network", "ls", "--filter", "driver=overlay", "--format", "{{.Name}} {{.Scope}}").stdout().lines())
        .containsExactlyInAnyOrder("ingress swarm", "cli-net swarm");
    assertThat(shoal(h1, "network", "inspect", "-v", "-f", "{{.Peers}} {{.Ingress}}", "cli-net").stdout().strip())
        .isEqualTo("[] false");
    assertThat(shoal(h1, "network", "rm", "cli-net").exitCode()).isZero();
    assertThat(ok(h1, "network", "ls", "-q", "--filter", "name=cli-net")).isEmpty();
  }

  /** This repository's CLI, as bin/shoal runs it, against the daemon of {@code host}. */
  private static CommandResult shoal(LabHost host, String... args) {
    List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "shoal.cli.Main"));
    argv.addAll(List.of(args));
    return Commands.run(argv, null, Map.of("SHOAL_HOST", "unix://" + host.daemon().socket()), SwarmLab.CLI_TIMEOUT);
  }
}
