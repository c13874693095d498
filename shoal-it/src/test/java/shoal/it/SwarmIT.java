package shoal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static shoal.it.SwarmLab.await;
import static shoal.it.SwarmLab.docker;
import static shoal.it.SwarmLab.init;
import static shoal.it.SwarmLab.join;
import static shoal.it.SwarmLab.nodeId;
import static shoal.it.SwarmLab.nodeLs;
import static shoal.it.SwarmLab.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.common.CommandResult;
import shoal.lab.Lab;
import shoal.lab.LabHost;
import shoal.lab.junit.WithLab;

/** The swarm's lifecycle as the stock docker CLI drives it on a lab of three hosts. */
@Tag("netns")
class SwarmIT {
  private static final String WORKER_REFUSAL = "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.";

  private static Path swarmDir(LabHost h) {
    return h.stateDir().resolve("lib").resolve("swarm");
  }

  @Test
  @WithLab(nodes = 3)
  void initAndTwoWorkerJoinsGiveThreeReadyNodesWithOneLeader(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    LabHost h2 = lab.host("h2");
    LabHost h3 = lab.host("h3");
    assertThat(docker(h1, "info", "-f", "{{.Swarm.LocalNodeState}}").stdout().strip()).isEqualTo("inactive");
    String initOut = ok(h1, "swarm", "init", "--advertise-addr", h1.address());
    String self = nodeId(h1);
    assertThat(initOut).startsWith("Swarm initialized: current node (" + self + ") is now a manager.")
        .contains("    docker swarm join --token SWMTKN-1-", " " + h1.address() + ":2377\n")
        .contains("To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.");
    String token = SwarmLab.token(h1, "worker");
    assertThat(join(h2, token, h1)).isEqualTo("This node joined a swarm as a worker.");
    assertThat(join(h3, token, h1)).isEqualTo("This node joined a swarm as a worker.");

    await("three Ready nodes", Duration.ofSeconds(10),
        () -> nodeLs(h1).values().stream().allMatch(r -> r.status().equals("Ready")) && nodeLs(h1).size() == 3);
    String table = ok(h1, "node", "ls");
    String[] lines = table.strip().split("\n");
    assertThat(lines[0]).matches("ID +HOSTNAME +STATUS +AVAILABILITY +MANAGER STATUS +ENGINE VERSION");
    assertThat(lines).hasSize(4);
    assertThat(table).containsPattern(self + " \\* +h1 +Ready +Active +Leader +\\S+");
    assertThat(table).containsPattern("\\S{25} +h2 +Ready +Active +\\S+\n").containsPattern("\\S{25} +h3 +Ready +Active +\\S+");
    assertThat(table.split("Leader", -1)).hasSize(2);

    assertThat(ok(h1, "info", "-f", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}} {{.Swarm.Nodes}} {{.Swarm.Managers}}").strip())
        .isEqualTo("active true 3 1");
    assertThat(ok(h2, "info", "-f", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}} {{.Swarm.NodeAddr}}").strip())
        .isEqualTo("active false " + h2.address());
    assertThat(h1.daemon().api("HEAD", "/_ping").ok()).isTrue();
    CommandResult ping = h2.host().exec("curl", "-sI", "--unix-socket", "/run/shoal.sock", "http://x/_ping");
    assertThat(ping.stdout()).containsIgnoringCase("Swarm: active/worker");

    CommandResult refused = docker(h2, "node", "ls");
    assertThat(refused.ok()).isFalse();
    assertThat(refused.stderr()).contains(WORKER_REFUSAL);
    CommandResult inspect = docker(h3, "swarm", "join-token", "worker");
    assertThat(inspect.stderr()).contains(WORKER_REFUSAL);
  }

  @Test
  @WithLab(nodes = 2)
  void wrongAndRotatedTokensAreRefusedAndLeaveNothingBehind(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    LabHost h2 = lab.host("h2");
    String old = init(h1);
    String wrong = old.substring(0, old.length() - 25) + "0123456789abcdefghijklmno";
    Map<String, SwarmLab.Row> before = nodeLs(h1);

    CommandResult r = docker(h2, "swarm", "join", "--token", wrong, h1.address() + ":2377");
    assertThat(r.ok()).isFalse();
    assertThat(r.stderr()).contains("A valid join token is necessary to join this cluster");
    assertThat(Files.exists(swarmDir(h2))).as("nothing of the join on the joining node").isFalse();
    assertThat(ok(h2, "info", "-f", "{{.Swarm.LocalNodeState}}").strip()).isEqualTo("inactive");
    assertThat(nodeLs(h1).keySet()).isEqualTo(before.keySet());

    String rotated = ok(h1, "swarm", "join-token", "--rotate", "-q", "worker").strip();
    assertThat(rotated).isNotEqualTo(old);
    r = docker(h2, "swarm", "join", "--token", old, h1.address() + ":2377");
    assertThat(r.ok()).isFalse();
    assertThat(r.stderr()).contains("A valid join token is necessary to join this cluster", "rotated");
    assertThat(Files.exists(swarmDir(h2))).isFalse();
    assertThat(nodeLs(h1).keySet()).isEqualTo(before.keySet());

    assertThat(join(h2, rotated, h1)).isEqualTo("This node joined a swarm as a worker.");
    assertThat(nodeLs(h1)).containsKey("h2");
  }

  @Test
  @WithLab(nodes = 2)
  void aWorkerThatLeftIsDownAndRemovedByNodeRm(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    LabHost h2 = lab.host("h2");
    join(h2, init(h1), h1);
    String id = nodeId(h2);
    await("h2 Ready", Duration.ofSeconds(10), () -> nodeLs(h1).get("h2").status().equals("Ready"));
    CommandResult busy = docker(h1, "node", "rm", "h2");
    assertThat(busy.ok()).isFalse();
    assertThat(busy.stderr()).contains("node " + id + " is not down and can't be removed");

    assertThat(ok(h2, "swarm", "leave").strip()).isEqualTo("Node left the swarm.");
    assertThat(Files.exists(swarmDir(h2))).as("identity, store and state removed").isFalse();
    assertThat(ok(h2, "info", "-f", "{{.Swarm.LocalNodeState}}").strip()).isEqualTo("inactive");
    await("h2 Down", Duration.ofSeconds(5), () -> nodeLs(h1).get("h2").status().equals("Down"));
    assertThat(ok(h1, "node", "rm", "h2").strip()).isEqualTo("h2");
    assertThat(nodeLs(h1)).doesNotContainKey("h2");

    CommandResult managerLeave = docker(h1, "swarm", "leave");
    assertThat(managerLeave.ok()).isFalse();
    assertThat(managerLeave.stderr()).contains("Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message.");
    CommandResult selfRm = docker(h1, "node", "rm", "--force", nodeId(h1));
    assertThat(selfRm.stderr()).contains("is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal");
  }

  @Test
  @WithLab(nodes = 3)
  void nodeUpdateDrainsLabelsPromotesAndDemotes(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    LabHost h2 = lab.host("h2");
    LabHost h3 = lab.host("h3");
    String token = init(h1);
    join(h2, token, h1);
    join(h3, token, h1);

    ok(h1, "node", "update", "--availability", "drain", "--label-add", "zone=east", "--label-add", "ssd", "h2");
    assertThat(ok(h1, "node", "inspect", "-f", "{{.Spec.Availability}} {{json .Spec.Labels}}", "h2").strip())
        .isEqualTo("drain {\"ssd\":\"\",\"zone\":\"east\"}");
    assertThat(nodeLs(h1).get("h2").availability()).isEqualTo("Drain");
    ok(h1, "node", "update", "--label-rm", "ssd", "--availability", "active", "h2");
    assertThat(ok(h1, "node", "inspect", "-f", "{{.Spec.Availability}} {{json .Spec.Labels}}", "h2").strip())
        .isEqualTo("active {\"zone\":\"east\"}");

    assertThat(ok(h1, "node", "promote", "h2").strip()).isEqualTo("Node h2 promoted to a manager in the swarm.");
    await("h2 a reachable manager", Duration.ofSeconds(30), () -> nodeLs(h1).get("h2").managerStatus().equals("Reachable"));
    await("h2 serves node ls", Duration.ofSeconds(10), () -> docker(h2, "node", "ls").ok());
    assertThat(ok(h2, "info", "-f", "{{.Swarm.ControlAvailable}} {{.Swarm.Managers}}").strip()).isEqualTo("true 2");
    assertThat(Files.isDirectory(swarmDir(h2).resolve("raft"))).isTrue();
    assertThat(ok(h2, "node", "inspect", "-f", "{{json .Spec.Labels}}", "h2").strip()).as("the store replicated to h2")
        .isEqualTo("{\"zone\":\"east\"}");

    assertThat(ok(h1, "node", "demote", "h2").strip()).isEqualTo("Manager h2 demoted in the swarm.");
    await("h2 a worker again", Duration.ofSeconds(30), () -> nodeLs(h1).get("h2").managerStatus().isEmpty()
        && docker(h2, "node", "ls").stderr().contains(WORKER_REFUSAL));
    await("h2's store removed", Duration.ofSeconds(10), () -> !Files.exists(swarmDir(h2).resolve("raft")));
    assertThat(nodeLs(h1).get("h2").status()).isEqualTo("Ready");

    CommandResult last = docker(h1, "node", "demote", "h1");
    assertThat(last.ok()).isFalse();
    assertThat(last.stderr()).contains("attempting to demote the last manager of the swarm");

    String h3Id = nodeId(h3);
    assertThat(ok(h1, "node", "rm", "--force", "h3").strip()).isEqualTo("h3");
    await("h3 told it was removed", Duration.ofSeconds(10),
        () -> ok(h3, "info", "-f", "{{.Swarm.LocalNodeState}}").strip().equals("error"));
    assertThat(ok(h3, "info", "-f", "{{.Swarm.Error}}")).contains("node " + h3Id + " was removed from swarm");
    assertThat(ok(h3, "swarm", "leave").strip()).isEqualTo("Node left the swarm.");
    join(h3, ok(h1, "swarm", "join-token", "-q", "worker").strip(), h1);
    assertThat(nodeId(h3)).isNotEqualTo(h3Id);

    CommandResult stale = docker(h1, "swarm", "update", "--cert-expiry", "48h");
    assertThat(stale.ok()).as(stale.failure()).isTrue();
    assertThat(ok(h1, "info", "-f", "{{.Swarm.Cluster.Spec.CAConfig.NodeCertExpiry}} {{.Swarm.Cluster.Spec.Dispatcher.HeartbeatPeriod}}").strip())
        .isEqualTo("48h0m0s 1s");
    String version = ok(h1, "node", "inspect", "-f", "{{.Version.Index}}", "h2").strip();
    CommandResult outOfSequence = h1.daemon().api("POST", "/nodes/h2/update?version=" + (Long.parseLong(version) - 1),
        "{\"Role\":\"worker\",\"Availability\":\"pause\"}");
    assertThat(outOfSequence.stdout()).contains("update out of sequence");
  }
}
