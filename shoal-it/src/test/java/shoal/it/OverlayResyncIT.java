package shoal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static shoal.it.OverlayDataPlaneIT.ping;
import static shoal.it.OverlayDataPlaneIT.task;
import static shoal.it.SwarmLab.await;
import static shoal.it.SwarmLab.nodeLs;
import static shoal.it.SwarmLab.ok;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.agent.OverlayPeer;
import shoal.lab.Lab;
import shoal.lab.LabHost;
import shoal.lab.junit.WithLab;

/**
 * DESIGN §8's first row: Docker's gossiped peer state drifts after a short disconnect; Shoal's
 * peer tables derive from the store, so once a cut-off worker is back, every node's forwarding
 * entries are exactly the store's live endpoints again, within a bounded time.
 */
@Tag("netns")
class OverlayResyncIT {
  private static final Duration CONVERGE = Duration.ofSeconds(30);

  @Test
  @WithLab(nodes = 3)
  void afterAWorkerWasCutOffAndCameBackEveryNodesEntriesAreTheStoresLiveEndpoints(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    LabHost h2 = lab.host("h2");
    LabHost h3 = lab.host("h3");
    List<LabHost> all = List.of(h1, h2, h3);
    ServiceLab.swarm(lab, "h1", "h2", "h3");
    String id = ok(h1, "network", "create", "-d", "overlay", "mesh").strip();
    String sandbox = "ov-" + id.substring(0, 12);
    ok(h1, "service", "create", "-d", "--no-resolve-image", "--name", "web", "--mode", "global", "--network", "mesh",
        "busybox", "sleep", "1d");
    await("a task running on each node", CONVERGE, () -> ServiceLab.runningByNode(h1, "web").size() == 3);
    await("entries as the store says", CONVERGE, () -> all.stream().allMatch(h -> agrees(h1, h, sandbox)));

    lab.setConnected("h2", false);
    await("h2 Down", CONVERGE, () -> nodeLs(h1).values().stream()
        .anyMatch(r -> r.hostname().equals("h2") && r.status().equals("Down")));
    await("h1 and h3 drop h2's endpoints", CONVERGE, () -> List.of(h1, h3).stream()
        .allMatch(h -> !remoteEntries(h, sandbox).containsValue(h2.address())));
    // While h2 cannot hear it, the tasks it knows are replaced by new ones at new addresses.
    Set<String> before = remoteEntries(h2, sandbox).keySet();
    Set<String> h1Before = remoteEntries(h1, sandbox).keySet();
    ok(h1, "service", "update", "-d", "--update-parallelism", "0", "--env-add", "ROUND=2", "web");
    await("new tasks at new addresses on h1 and h3", CONVERGE, () -> !remoteEntries(h1, sandbox).isEmpty()
        && !remoteEntries(h1, sandbox).keySet().equals(h1Before)
        && List.of(h1, h3).stream().allMatch(h -> agrees(h1, h, sandbox)));
    assertThat(remoteEntries(h2, sandbox).keySet()).as("h2, cut off, still has the old entries").isEqualTo(before);

    lab.setConnected("h2", true);
    await("h2 Ready", CONVERGE, () -> nodeLs(h1).values().stream()
        .anyMatch(r -> r.hostname().equals("h2") && r.status().equals("Ready")));
    Duration converged = await("every node's entries are the store's live endpoints again", CONVERGE, () ->
        ServiceLab.runningByNode(h1, "web").size() == 3 && all.stream().allMatch(h -> agrees(h1, h, sandbox)));
    System.out.printf("entries converged %d ms after h2 was Ready again%n", converged.toMillis());
    String c2 = task(h2, "web");
    for (LabHost other : List.of(h1, h3)) {
      String ip = OverlayDataPlaneIT.address(other, task(other, "web"), "mesh");
      assertThat(ping(h2, c2, ip)).as("h2 -> " + other.name()).isTrue();
    }
  }

  /** Whether {@code h}'s sandbox holds exactly the running tasks of web on the other nodes. */
  private static boolean agrees(LabHost manager, LabHost h, String sandbox) {
    Map<String, String> expected = ServiceLab.tasks(manager, "web").stream()
        .filter(t -> t.desired().equals("Running") && t.state().equals("Running") && !t.node().equals(h.name()))
        .collect(Collectors.toMap(t -> OverlayPeer.macOf(taskAddress(manager, t.id())), t -> t.node()));
    Map<String, String> actual = remoteEntries(h, sandbox);
    Set<String> expectedMacs = new TreeSet<>(expected.keySet());
    return actual.keySet().equals(expectedMacs);
  }

  private static String taskAddress(LabHost manager, String taskId) {
    return ok(manager, "inspect", "-f", "{{range .NetworksAttachments}}{{index .Addresses 0}}{{end}}", taskId)
        .strip().split("/")[0];
  }

  /** The sandbox's remote forwarding entries: MAC → tunnel endpoint; empty without a sandbox. */
  private static Map<String, String> remoteEntries(LabHost h, String sandbox) {
    String fdb = h.host().exec("sh", "-c", "bridge -n " + sandbox + " fdb show dev vxlan0 2>/dev/null").stdout();
    return fdb.lines().filter(l -> l.contains(" dst ") && l.startsWith("02:42:"))
        .collect(Collectors.toMap(l -> l.split(" ")[0], l -> l.split(" dst ")[1].split(" ")[0], (a, b) -> a));
  }
}
