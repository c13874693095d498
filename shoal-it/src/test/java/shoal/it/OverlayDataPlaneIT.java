package shoal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static shoal.it.SwarmLab.await;
import static shoal.it.SwarmLab.docker;
import static shoal.it.SwarmLab.ok;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.common.CommandResult;
import shoal.lab.Lab;
import shoal.lab.LabHost;
import shoal.lab.junit.WithLab;

/**
 * The overlay data plane across a lab swarm (DESIGN §3, issue 6 item 7), through the stock docker
 * CLI: tasks on different hosts reach each other over kernel VXLAN, networks and their sandboxes
 * come and go with the endpoints of each node, peer entries follow the store's truth.
 */
@Tag("netns")
class OverlayDataPlaneIT {
  private static final Duration CONVERGE = Duration.ofSeconds(30);

  @Test
  @WithLab(nodes = 3)
  void tasksOnTwoHostsPingEachOtherAndAWorkerHoldsTheNetworkOnlyWhileItHasAnEndpoint(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    LabHost h2 = lab.host("h2");
    LabHost h3 = lab.host("h3");
    ServiceLab.swarm(lab, "h1", "h2", "h3");
    for (LabHost h : List.of(h1, h2, h3)) {
      await("docker_gwbridge on " + h.name(), CONVERGE, () -> ok(h, "network", "ls", "--format", "{{.Name}} {{.Driver}} {{.Scope}}")
          .contains("docker_gwbridge bridge local"));
    }
    String id = ok(h1, "network", "create", "-d", "overlay", "--attachable", "plain").strip();
    assertThat(networkNames(h2)).doesNotContain("plain");
    assertThat(sandboxes(h2)).isEmpty();

    ok(h1, "service", "create", "-d", "--no-resolve-image", "--name", "web", "--replicas", "3", "--network", "plain",
        "busybox", "sleep", "1d");
    await("a task running on each node", CONVERGE, () -> ServiceLab.runningByNode(h1, "web").size() == 3);
    String c1 = task(h1, "web");
    String c3 = task(h3, "web");
    String ip1 = address(h1, c1, "plain");
    String ip3 = address(h3, c3, "plain");
    assertThat(ip1).startsWith("10.0.1.");
    assertThat(ok(h1, "exec", c1, "ip", "-o", "link", "show", "eth0")).contains("mtu 1450");
    assertThat(ok(h1, "exec", c1, "ip", "-o", "-4", "addr", "show", "eth1")).contains("inet 172.18.");
    assertThat(ok(h1, "exec", c1, "ip", "route")).contains("default via 172.18.0.1 dev eth1");
    assertThat(ping(h1, c1, ip3)).as("h1 -> h3").isTrue();
    assertThat(ping(h3, c3, ip1)).as("h3 -> h1").isTrue();
    assertThat(networkNames(h2)).contains("plain");
    assertThat(sandboxes(h2)).containsExactly("ov-" + id.substring(0, 12));
    assertThat(ok(h3, "network", "inspect", "-f", "{{range $k, $v := .Containers}}{{$v.Name}} {{$v.IPv4Address}}{{end}}",
        "plain")).contains(ip3 + "/24");

    // A standalone container on a worker, on the attachable network, reaches a task on another worker.
    ok(h2, "run", "-d", "--name", "att", "--network", "plain", "busybox", "sleep", "1d");
    String ipAtt = address(h2, "att", "plain");
    assertThat(ping(h2, "att", ip3)).as("attached container on h2 -> task on h3").isTrue();
    assertThat(ping(h3, c3, ipAtt)).as("task on h3 -> attached container on h2").isTrue();

    ok(h1, "service", "rm", "web");
    await("h3 lets go of the network", CONVERGE, () -> !networkNames(h3).contains("plain") && sandboxes(h3).isEmpty());
    assertThat(networkNames(h2)).as("h2 still has the attached container").contains("plain");
    ok(h2, "rm", "-f", "att");
    await("h2 lets go of the network", CONVERGE, () -> !networkNames(h2).contains("plain") && sandboxes(h2).isEmpty());
    ok(h1, "network", "rm", "plain");
  }

  @Test
  @WithLab(nodes = 2)
  void anInternalNetworkGivesNoEgressAndAnEncryptedOneIsRefusedRatherThanSentInClear(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    ServiceLab.swarm(lab, "h1", "h2");
    ok(h1, "network", "create", "-d", "overlay", "--internal", "--attachable", "sealed");
    ok(h1, "run", "-d", "--name", "inside", "--network", "sealed", "busybox", "sleep", "1d");
    assertThat(ok(h1, "exec", "inside", "ip", "-o", "link")).doesNotContain("eth1");
    assertThat(ok(h1, "exec", "inside", "ip", "route")).doesNotContain("default");
    CommandResult out = docker(h1, "exec", "inside", "ping", "-c", "1", "-W", "1", lab.host("h2").address());
    assertThat(out.ok()).isFalse();

    // A worker refused an attachment (the network is not attachable) keeps nothing of the attempt.
    LabHost h2 = lab.host("h2");
    ok(h1, "network", "create", "-d", "overlay", "closed");
    String before = kernel(h2);
    CommandResult closed = docker(h2, "run", "-d", "--name", "intruder", "--network", "closed", "busybox", "sleep", "1d");
    assertThat(closed.ok()).isFalse();
    assertThat(closed.stderr()).contains("closed");
    assertThat(kernel(h2)).isEqualTo(before);
    assertThat(networkNames(h2)).doesNotContain("closed");

    ok(h1, "network", "create", "-d", "overlay", "--attachable", "--opt", "encrypted", "secret");
    CommandResult run = docker(h1, "run", "-d", "--name", "leak", "--network", "secret", "busybox", "sleep", "1d");
    assertThat(run.ok()).isFalse();
    assertThat(run.stderr()).contains("encrypted");
    ok(h1, "service", "create", "-d", "--no-resolve-image", "--name", "enc", "--network", "secret", "busybox", "sleep", "1d");
    await("the task rejected for its encrypted network", CONVERGE, () -> ServiceLab.tasks(h1, "enc").stream()
        .anyMatch(t -> t.error().contains("encrypted")));
    assertThat(sandboxes(h1)).as("only the internal network's").hasSize(1);
  }

  @Test
  @WithLab(nodes = 3)
  void noNodeKeepsEntriesOfADeadNodesEndpointsOnceItIsDown(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    LabHost h2 = lab.host("h2");
    LabHost h3 = lab.host("h3");
    ServiceLab.swarm(lab, "h1", "h2", "h3");
    String id = ok(h1, "network", "create", "-d", "overlay", "plain").strip();
    ok(h1, "service", "create", "-d", "--no-resolve-image", "--name", "web", "--replicas", "3", "--network", "plain",
        "busybox", "sleep", "1d");
    await("a task running on each node", CONVERGE, () -> ServiceLab.runningByNode(h1, "web").size() == 3);
    String dead = address(h2, task(h2, "web"), "plain");
    String sandbox = "ov-" + id.substring(0, 12);
    for (LabHost h : List.of(h1, h3)) {
      assertThat(entries(h, sandbox)).contains(dead + " lladdr", "dst " + h2.address());
    }

    h2.daemon().kill9();
    long start = System.nanoTime();
    Duration clean = await("h1 and h3 forget h2's endpoints", Duration.ofSeconds(20), () ->
        List.of(h1, h3).stream().noneMatch(h -> entries(h, sandbox).contains("dst " + h2.address())
            || entries(h, sandbox).contains(dead + " lladdr")));
    System.out.printf("entries of the dead node's endpoints gone from h1 and h3 %d ms after its daemon was killed%n",
        clean.toMillis());
    await("its task replaced", CONVERGE, () -> ServiceLab.running(h1, "web") == 3
        && !ServiceLab.runningByNode(h1, "web").containsKey("h2"));
    String moved = address(h3, task(h3, "web"), "plain");
    await("the survivors reach each other", CONVERGE, () -> ping(h1, task(h1, "web"), moved));
    assertThat(entries(h1, sandbox)).doesNotContain("dst " + h2.address());
    System.out.printf("(%d ms in all)%n", (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  @WithLab(nodes = 2)
  void aRestartedWorkerKeepsItsSandboxAndItsContainersConnectivity(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    LabHost h2 = lab.host("h2");
    ServiceLab.swarm(lab, "h1", "h2");
    String id = ok(h1, "network", "create", "-d", "overlay", "--attachable", "plain").strip();
    ok(h1, "service", "create", "-d", "--no-resolve-image", "--name", "web", "--constraint", "node.hostname==h1",
        "--network", "plain", "busybox", "sleep", "1d");
    await("the task running", CONVERGE, () -> ServiceLab.running(h1, "web") == 1);
    String web = task(h1, "web");
    String att = ok(h2, "run", "-d", "--name", "att", "--network", "plain", "busybox", "sleep", "1d").strip();
    String ipWeb = address(h1, web, "plain");
    String ipAtt = address(h2, "att", "plain");
    assertThat(ping(h1, web, ipAtt)).isTrue();
    String sandbox = "ov-" + id.substring(0, 12);
    String kernelBefore = h2.host().exec("sh", "-c", "stat -L -c %i /run/netns/" + sandbox
        + "; ip -n " + sandbox + " -o link show | cut -d: -f1,2 | sort").stdout();

    h2.daemon().kill9();
    assertThat(ping(h1, web, ipAtt)).as("the kernel carries on while the daemon is dead").isTrue();
    h2.daemon().start();
    long start = System.nanoTime();
    Duration back = await("both ways again", CONVERGE, () -> ping(h2, "att", ipWeb) && ping(h1, web, ipAtt));
    System.out.printf("connectivity both ways checked %d ms after the restarted daemon answered%n", back.toMillis());
    assertThat(ok(h2, "inspect", "-f", "{{.Id}} {{.State.Running}} {{.RestartCount}}", "att").strip())
        .isEqualTo(att + " true 0");
    assertThat(h2.host().exec("sh", "-c", "stat -L -c %i /run/netns/" + sandbox
        + "; ip -n " + sandbox + " -o link show | cut -d: -f1,2 | sort").stdout())
        .as("the same sandbox with the same links").isEqualTo(kernelBefore);
    assertThat(sandboxes(h2)).containsExactly(sandbox);
    System.out.printf("(%d ms in all)%n", (System.nanoTime() - start) / 1_000_000);
  }

  /** What a failed attempt could leave in a host: links, namespaces, addresses. */
  static String kernel(LabHost h) {
    return h.host().exec("sh", "-c", "ip -o link | sed -E 's/^[0-9]+: //' | cut -d' ' -f1 | sort; ip netns list;"
        + " ip -o -4 addr | sed -E 's/^[0-9]+: //'").stdout();
  }

  /** A sandbox's neighbour and forwarding entries on its VXLAN device, as text. */
  static String entries(LabHost h, String sandbox) {
    return h.host().exec("sh", "-c", "ip -n " + sandbox + " neigh show dev vxlan0; bridge -n " + sandbox
        + " fdb show dev vxlan0").stdout();
  }

  static String task(LabHost h, String service) {
    return ok(h, "ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + service).strip().split("\n")[0];
  }

  static String address(LabHost h, String container, String network) {
    return ok(h, "inspect", "-f", "{{(index .NetworkSettings.Networks \"" + network + "\").IPAddress}}", container).strip();
  }

  static boolean ping(LabHost h, String container, String ip) {
    return docker(h, "exec", container, "ping", "-c", "1", "-W", "2", ip).ok();
  }

  static List<String> networkNames(LabHost h) {
    return List.of(ok(h, "network", "ls", "--format", "{{.Name}}").strip().split("\n"));
  }

  /** The overlay sandboxes in the host's /run/netns. */
  static List<String> sandboxes(LabHost h) {
    CommandResult r = h.host().exec("ip", "netns", "list");
    return r.stdout().lines().map(l -> l.split(" ")[0]).filter(n -> n.startsWith("ov-")).sorted().toList();
  }
}
