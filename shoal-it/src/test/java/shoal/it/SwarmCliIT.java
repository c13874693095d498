package shoal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import shoal.common.CommandResult;
import shoal.common.Commands;
import shoal.lab.Lab;
import shoal.lab.LabHost;
import shoal.lab.junit.WithLab;

/**
 * The {@code shoal} CLI's swarm and node commands against a lab of three daemons, each output
 * compared with the stock docker CLI's against the same daemon. The tests share one lab and run
 * in order: h1 inits, h2 and h3 join as workers, then tokens, updates, roles, leave and removal.
 */
@Tag("netns")
@WithLab(nodes = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwarmCliIT {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CONVERGENCE = Duration.ofSeconds(30);
  private static final Pattern INIT = Pattern.compile("""
      Swarm initialized: current node \\(([a-z0-9]{25})\\) is now a manager\\.

      To add a worker to this swarm, run the following command:

          shoal swarm join --token (SWMTKN-1-[a-z0-9]+-[a-z0-9]+) 192\\.168\\.77\\.11:2377

      To add a manager to this swarm, run 'shoal swarm join-token manager' and follow the instructions\\.
      """);

  /** This CLI, as bin/shoal runs it, against the daemon of {@code host}. */
  private static CommandResult shoal(LabHost host, String... args) {
    List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "shoal.cli.Main"));
    argv.addAll(List.of(args));
    return Commands.run(argv, null, Map.of("SHOAL_HOST", "unix://" + host.daemon().socket()), COMMAND_TIMEOUT);
  }

  private static CommandResult docker(LabHost host, String... args) {
    return host.daemon().docker(COMMAND_TIMEOUT, args);
  }

  private static CommandResult ok(CommandResult r) {
    assertThat(r.exitCode()).as(r.failure()).isZero();
    return r;
  }

  /** Runs {@code probe} until its output satisfies {@code done}, within {@link #CONVERGENCE}. */
  private static String await(java.util.function.Supplier<CommandResult> probe, Predicate<String> done) throws InterruptedException {
    Instant end = Instant.now().plus(CONVERGENCE);
    CommandResult last = probe.get();
    while (!(last.ok() && done.test(last.stdout())) && Instant.now().isBefore(end)) {
      Thread.sleep(300);
      last = probe.get();
    }
    assertThat(last.ok() && done.test(last.stdout())).as("never converged; last: " + last.stdout() + last.stderr()).isTrue();
    return last.stdout();
  }

  private static String nodeId(LabHost h) {
    return ok(shoal(h, "info", "--format", "{{.Swarm.NodeID}}")).stdout().strip();
  }

  @Test
  @Order(1)
  void initAndJoinPrintDockersTextAndNodeLsIsDockersTable(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    String init = ok(shoal(h1, "swarm", "init", "--advertise-addr", "192.168.77.11")).stdout();
    Matcher m = INIT.matcher(init);
    assertThat(m.matches()).as(init).isTrue();
    assertThat(m.group(1)).isEqualTo(nodeId(h1));
    for (String h : List.of("h2", "h3")) {
      CommandResult joined = ok(shoal(lab.host(h), "swarm", "join", "--token", m.group(2), "192.168.77.11:2377"));
      assertThat(joined.stdout()).isEqualTo("This node joined a swarm as a worker.\n");
    }
    String table = await(() -> shoal(h1, "node", "ls"), out -> out.lines().filter(l -> l.contains(" Ready ")).count() == 3);
    assertThat(table).isEqualTo(ok(docker(h1, "node", "ls")).stdout());
    assertThat(table.lines().toList()).hasSize(4).first()
        .isEqualTo("ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION");
    assertThat(table).containsPattern(m.group(1) + " \\* +h1 +Ready +Active +Leader ");
    assertThat(ok(shoal(h1, "node", "inspect", "--pretty", "self")).stdout())
        .isEqualTo(ok(docker(h1, "node", "inspect", "--pretty", "self")).stdout());
    assertThat(swarmSection(ok(shoal(h1, "info")).stdout())).isEqualTo(swarmSection(ok(docker(h1, "info")).stdout()))
        .contains("  Is Manager: true\n", "  Managers: 1\n", "  Nodes: 3\n");
  }

  private static String swarmSection(String info) {
    List<String> lines = info.lines().toList();
    int from = 0;
    while (from < lines.size() && !lines.get(from).startsWith(" Swarm: ")) {
      from++;
    }
    int to = Math.min(from + 1, lines.size());
    while (to < lines.size() && lines.get(to).startsWith("  ")) {
      to++;
    }
    return String.join("\n", lines.subList(from, to)) + "\n";
  }

  @Test
  @Order(2)
  void aWorkerRefusesNodeLsWithDockersMessage(Lab lab) {
    LabHost h2 = lab.host("h2");
    CommandResult mine = shoal(h2, "node", "ls");
    CommandResult theirs = docker(h2, "node", "ls");
    assertThat(mine.exitCode()).isEqualTo(1).isEqualTo(theirs.exitCode());
    assertThat(mine.stderr()).startsWith("Error response from daemon: This node is not a swarm manager.")
        .isEqualTo(theirs.stderr());
    assertThat(swarmSection(ok(shoal(h2, "info")).stdout())).isEqualTo(swarmSection(ok(docker(h2, "info")).stdout()))
        .contains("  Is Manager: false\n");
  }

  @Test
  @Order(3)
  void rotatingTheWorkerTokenPrintsTheNewOne(Lab lab) {
    LabHost h1 = lab.host("h1");
    String before = ok(shoal(h1, "swarm", "join-token", "-q", "worker")).stdout().strip();
    String rotated = ok(shoal(h1, "swarm", "join-token", "--rotate", "worker")).stdout();
    String after = ok(docker(h1, "swarm", "join-token", "-q", "worker")).stdout().strip();
    assertThat(after).isNotEqualTo(before).startsWith("SWMTKN-1-");
    assertThat(rotated).isEqualTo("Successfully rotated worker join token.\n\n"
        + "To add a worker to this swarm, run the following command:\n\n    shoal swarm join --token " + after
        + " 192.168.77.11:2377\n\n");
    assertThat(ok(shoal(h1, "swarm", "join-token", "manager")).stdout())
        .isEqualTo(ok(docker(h1, "swarm", "join-token", "manager")).stdout().replace("docker swarm", "shoal swarm"));
  }

  @Test
  @Order(4)
  void swarmUpdateChangesOnlyTheGivenSettings(Lab lab) {
    LabHost h1 = lab.host("h1");
    String before = ok(docker(h1, "info", "--format", "{{json .Swarm.Cluster.Spec.Orchestration}}")).stdout();
    assertThat(ok(shoal(h1, "swarm", "update", "--dispatcher-heartbeat", "2s", "--cert-expiry", "720h")).stdout())
        .isEqualTo("Swarm updated.\n");
    String section = swarmSection(ok(shoal(h1, "info")).stdout());
    assertThat(section).contains("   Heartbeat Period: 2 seconds\n", "   Expiry Duration: 4 weeks\n")
        .isEqualTo(swarmSection(ok(docker(h1, "info")).stdout()));
    assertThat(ok(docker(h1, "info", "--format", "{{json .Swarm.Cluster.Spec.Orchestration}}")).stdout()).isEqualTo(before);
    assertThat(ok(shoal(h1, "swarm", "inspect", "-f", "{{.Spec.Dispatcher.HeartbeatPeriod}}")).stdout()).isEqualTo("2000000000\n");
    ok(docker(h1, "swarm", "update", "--task-history-limit", "2"));
    assertThat(ok(shoal(h1, "swarm", "inspect", "-f", "{{.Spec.Orchestration.TaskHistoryRetentionLimit}} "
        + "{{.Spec.Dispatcher.HeartbeatPeriod}}")).stdout()).isEqualTo("2 2000000000\n");
  }

  @Test
  @Order(5)
  void nodeUpdateChangesLabelsAndAvailability(Lab lab) {
    LabHost h1 = lab.host("h1");
    String h2 = nodeId(lab.host("h2"));
    assertThat(ok(shoal(h1, "node", "update", "--label-add", "zone=a", "--label-add", "ssd", "--availability", "drain", h2))
        .stdout()).isEqualTo(h2 + "\n");
    assertThat(ok(docker(h1, "node", "inspect", "-f", "{{.Spec.Labels}} {{.Spec.Availability}}", h2)).stdout())
        .isEqualTo("map[ssd: zone:a] drain\n");
    ok(shoal(h1, "node", "update", "--label-rm", "ssd", "--availability", "active", h2));
    assertThat(ok(docker(h1, "node", "inspect", "-f", "{{.Spec.Labels}} {{.Spec.Availability}}", h2)).stdout())
        .isEqualTo("map[zone:a] active\n");
    CommandResult absent = shoal(h1, "node", "update", "--label-rm", "nope", h2);
    assertThat(absent.exitCode()).isEqualTo(1);
    assertThat(absent.stderr()).isEqualTo("key nope doesn't exist in node's labels\n");
  }

  @Test
  @Order(6)
  void promoteAndDemoteChangeTheRole(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    String h2 = nodeId(lab.host("h2"));
    assertThat(ok(shoal(h1, "node", "promote", h2)).stdout()).isEqualTo("Node " + h2 + " promoted to a manager in the swarm.\n");
    await(() -> shoal(h1, "node", "ls"), out -> out.contains(" Reachable "));
    assertThat(ok(shoal(h1, "node", "promote", h2)).stdout()).isEqualTo("Node " + h2 + " is already a manager.\n");
    assertThat(ok(shoal(h1, "node", "demote", h2)).stdout()).isEqualTo("Manager " + h2 + " demoted in the swarm.\n");
    await(() -> shoal(h1, "node", "inspect", "-f", "{{.Spec.Role}}", h2), out -> out.equals("worker\n"));
    String table = await(() -> shoal(h1, "node", "ls"), out -> !out.contains(" Reachable "));
    assertThat(table).isEqualTo(ok(docker(h1, "node", "ls")).stdout());
  }

  @Test
  @Order(7)
  void aWorkerThatLeftIsRemovedByTheManager(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    LabHost h3 = lab.host("h3");
    String id = nodeId(h3);
    assertThat(ok(shoal(h3, "swarm", "leave")).stdout()).isEqualTo("Node left the swarm.\n");
    assertThat(ok(shoal(h3, "info", "--format", "{{.Swarm.LocalNodeState}}")).stdout()).isEqualTo("inactive\n");
    await(() -> shoal(h1, "node", "inspect", "-f", "{{.Status.State}}", id), out -> out.equals("down\n"));
    assertThat(ok(shoal(h1, "node", "rm", id)).stdout()).isEqualTo(id + "\n");
    assertThat(ok(shoal(h1, "node", "ls", "-q")).stdout()).doesNotContain(id).hasLineCount(2);
    CommandResult gone = shoal(h1, "node", "rm", id);
    assertThat(gone.exitCode()).isEqualTo(1);
    assertThat(gone.stderr()).isEqualTo(docker(h1, "node", "rm", id).stderr()).startsWith("Error response from daemon: ");
  }
}
