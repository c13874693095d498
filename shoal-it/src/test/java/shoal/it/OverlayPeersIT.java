package shoal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static shoal.it.ServiceLab.running;
import static shoal.it.ServiceLab.swarm;
import static shoal.it.SwarmLab.await;
import static shoal.it.SwarmLab.nodeLs;
import static shoal.it.SwarmLab.ok;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.lab.Lab;
import shoal.lab.LabHost;
import shoal.lab.junit.WithLab;

/** Who takes part in an overlay network, as {@code network inspect -v} shows it on a manager of a lab swarm. */
@Tag("netns")
class OverlayPeersIT {
  private static final Duration CONVERGE = Duration.ofSeconds(60);

  private static String peers(LabHost manager, String network) {
    return ok(manager, "network", "inspect", "-v", "-f", "{{range .Peers}}{{.Name}}={{.IP}} {{end}}", network).strip();
  }

  @Test
  @WithLab(nodes = 3)
  void peersAreTheNodesHostingTheNetworksTasksAtTheirAdvertiseAddressesAndADeadNodeLeaves(Lab lab) throws Exception {
    swarm(lab, "h1", "h2", "h3");
    LabHost h1 = lab.host("h1");
    LabHost h2 = lab.host("h2");
    LabHost h3 = lab.host("h3");
    ok(h1, "network", "create", "-d", "overlay", "front");
    assertThat(peers(h1, "front")).isEmpty();
    ok(h1, "service", "create", "-d", "--no-resolve-image", "--name", "web", "--replicas", "3", "--network", "front",
        "busybox", "sleep", "1d");
    await("3 running", CONVERGE, () -> running(h1, "web") == 3);
    String all = String.join(" ", List.of("h1=" + h1.address(), "h2=" + h2.address(), "h3=" + h3.address()));
    await("the three nodes as peers", CONVERGE, () -> sorted(peers(h1, "front")).equals(all));
    await("a worker names the same peers", CONVERGE, () -> sorted(peers(h2, "front")).equals(all));
    assertThat(peers(h1, "ingress")).isEmpty();
    // Services: the service's VIP and its three tasks, each with its address and its node's.
    String services = ok(h1, "network", "inspect", "-v", "-f",
        "{{range $name, $s := .Services}}{{$name}} {{$s.VIP}}{{range $s.Tasks}} {{index .Info \"Host IP\"}}{{end}}{{end}}",
        "front").strip();
    assertThat(services).matches("web 10\\.\\d+\\.\\d+\\.\\d+( 192\\.168\\.77\\.1[123]){3}");

    h3.daemon().kill9();
    await("h3 Down", CONVERGE, () -> nodeLs(h1).values().stream()
        .anyMatch(r -> r.hostname().equals("h3") && r.status().equals("Down")));
    await("h3 no longer a peer", CONVERGE, () -> sorted(peers(h1, "front"))
        .equals("h1=" + h1.address() + " h2=" + h2.address()));
    await("h3 no longer a peer on the worker either", CONVERGE, () -> sorted(peers(h2, "front"))
        .equals("h1=" + h1.address() + " h2=" + h2.address()));

    ok(h1, "service", "rm", "web");
    await("no peers once the tasks are gone", CONVERGE, () -> peers(h1, "front").isEmpty());
  }

  /** Peers are listed by node ID; the test names them by hostname. */
  private static String sorted(String peers) {
    return String.join(" ", java.util.Arrays.stream(peers.split(" ")).filter(s -> !s.isEmpty()).sorted().toList());
  }
}
