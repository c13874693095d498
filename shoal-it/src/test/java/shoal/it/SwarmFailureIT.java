package shoal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static shoal.it.SwarmLab.await;
import static shoal.it.SwarmLab.docker;
import static shoal.it.SwarmLab.init;
import static shoal.it.SwarmLab.join;
import static shoal.it.SwarmLab.nodeId;
import static shoal.it.SwarmLab.nodeLs;
import static shoal.it.SwarmLab.ok;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.lab.Lab;
import shoal.lab.LabHost;
import shoal.lab.junit.WithLab;

/** Crashes: a leader's daemon killed, a worker's daemon killed and restarted. */
@Tag("netns")
class SwarmFailureIT {
  /** What the tests allow; the benchmarks measure the real figures. */
  private static final Duration NEW_LEADER_WITHIN = Duration.ofSeconds(10);

  private static final Duration DOWN_WITHIN = Duration.ofSeconds(5);

  @Test
  @WithLab(nodes = 3)
  void threeManagersElectANewLeaderWhenTheLeaderIsKilledAndLoseNothing(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    LabHost h2 = lab.host("h2");
    LabHost h3 = lab.host("h3");
    init(h1);
    String managerToken = SwarmLab.token(h1, "manager");
    assertThat(join(h2, managerToken, h1)).isEqualTo("This node joined a swarm as a manager.");
    assertThat(join(h3, managerToken, h1)).isEqualTo("This node joined a swarm as a manager.");
    await("three reachable managers", Duration.ofSeconds(20), () -> nodeLs(h1).values().stream()
        .allMatch(r -> r.status().equals("Ready") && !r.managerStatus().isEmpty() && !r.managerStatus().equals("Unreachable")));
    ok(h2, "node", "update", "--label-add", "written=before-the-crash", "h3");
    String oldLeader = nodeId(h1);

    h1.daemon().kill9();
    Duration failover = await("a new leader", NEW_LEADER_WITHIN, () -> {
      Map<String, SwarmLab.Row> rows = nodeLs(h2);
      return rows.values().stream().anyMatch(r -> r.managerStatus().equals("Leader") && !r.hostname().equals("h1"));
    });
    System.out.println("new leader seen " + failover.toMillis() + " ms after the kill");
    assertThat(ok(h3, "node", "inspect", "-f", "{{json .Spec.Labels}}", "h3").strip())
        .isEqualTo("{\"written\":\"before-the-crash\"}");
    ok(h3, "node", "update", "--label-add", "written=after-the-crash", "h2");
    await("h1 Down and unreachable", Duration.ofSeconds(10),
        () -> nodeLs(h2).get("h1").status().equals("Down") && nodeLs(h2).get("h1").managerStatus().equals("Unreachable"));

    h1.daemon().start();
    assertThat(nodeId(h1)).isEqualTo(oldLeader);
    await("h1 back as a follower", Duration.ofSeconds(20), () -> {
      SwarmLab.Row r = nodeLs(h3).get("h1");
      return r.status().equals("Ready") && r.managerStatus().equals("Reachable");
    });
    assertThat(ok(h1, "node", "inspect", "-f", "{{json .Spec.Labels}}", "h2").strip())
        .as("the returning manager caught up").isEqualTo("{\"written\":\"after-the-crash\"}");
    assertThat(nodeLs(h1).values().stream().filter(r -> r.managerStatus().equals("Leader")).count()).isEqualTo(1);
  }

  @Test
  @WithLab(nodes = 2)
  void aKilledWorkerIsDownWithinTheBoundAndReadyWithItsIdWhenRestarted(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    LabHost h2 = lab.host("h2");
    join(h2, init(h1), h1);
    String id = nodeId(h2);
    await("h2 Ready", Duration.ofSeconds(10), () -> nodeLs(h1).get("h2").status().equals("Ready"));

    h2.daemon().kill9();
    Duration down = await("h2 Down", DOWN_WITHIN, () -> nodeLs(h1).get("h2").status().equals("Down"));
    System.out.println("worker Down " + down.toMillis() + " ms after the kill");

    h2.daemon().start();
    assertThat(nodeId(h2)).isEqualTo(id);
    Duration ready = await("h2 Ready again", Duration.ofSeconds(10), () -> nodeLs(h1).get("h2").status().equals("Ready"));
    System.out.println("worker Ready " + ready.toMillis() + " ms after its daemon answered again");
    assertThat(nodeLs(h1)).hasSize(2);
    assertThat(nodeLs(h1).get("h2").id()).isEqualTo(id);
    assertThat(docker(h2, "info", "-f", "{{.Swarm.LocalNodeState}}").stdout().strip()).isEqualTo("active");
  }
}
