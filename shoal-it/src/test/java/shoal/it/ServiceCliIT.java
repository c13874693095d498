package shoal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
 * The {@code shoal service} and {@code node ps} commands against a swarm of three lab daemons,
 * each output compared with the stock docker CLI's against the same daemon. The tests share one
 * swarm and run in order: create (detached, then with progress), scale, update and rollback,
 * logs, node ps, rm.
 */
@Tag("netns")
@WithLab(nodes = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceCliIT {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration CONVERGENCE = Duration.ofSeconds(60);
  /** {@code service ps} without CURRENT STATE, whose age changes between two runs. */
  private static final String PS_TABLE = "table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.Error}}\t{{.Ports}}";
  private static final String AGE = "(Less than a second|About a minute|About an hour|\\d+ (seconds?|minutes?|hours?)) ago";

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

  private static String ok(CommandResult r) {
    assertThat(r.exitCode()).as(r.failure()).isZero();
    return r.stdout();
  }

  /** Runs {@code probe} until its output satisfies {@code done}, within {@link #CONVERGENCE}. */
  private static String await(java.util.function.Supplier<CommandResult> probe, Predicate<String> done) throws InterruptedException {
    long deadline = System.nanoTime() + CONVERGENCE.toNanos();
    CommandResult last = probe.get();
    while (!(last.ok() && done.test(last.stdout())) && System.nanoTime() < deadline) {
      Thread.sleep(300);
      last = probe.get();
    }
    assertThat(last.ok() && done.test(last.stdout())).as("never converged; last: " + last.stdout() + last.stderr()).isTrue();
    return last.stdout();
  }

  private static String replicas(LabHost h, String service) {
    return ok(shoal(h, "service", "ls", "--format", "{{.Replicas}}", "-f", "name=" + service)).strip();
  }

  /** A table whose ages (which tick between two runs) are masked and columns squeezed. */
  private static String ageless(String table) {
    return table.replaceAll(AGE, "<age> ago").replaceAll(" {2,}", "  ").replaceAll(" +\n", "\n");
  }

  /**
   * docker's convergence display without a terminal: the ID (or name) first, the overall count
   * and one empty line per replica, counts rising to all, the verify wait, then "converged".
   */
  private static void assertProgress(String out, String first, int replicas, String converged) {
    List<String> lines = out.lines().toList();
    assertThat(lines.getFirst()).isEqualTo(first);
    assertThat(lines.get(1)).isEqualTo("overall progress: 0 out of " + replicas + " tasks");
    for (int i = 1; i <= replicas; i++) {
      assertThat(lines.get(1 + i)).isEqualTo(i + "/" + replicas + ":  ");
    }
    List<String> rest = lines.subList(2 + replicas, lines.size());
    assertThat(rest.getLast()).isEqualTo("verify: " + converged);
    assertThat(rest.subList(0, rest.size() - 1)).allMatch(l -> l.matches("overall progress: \\d+ out of " + replicas + " tasks")
        || l.matches("verify: Waiting \\d seconds to verify that tasks are stable\\.\\.\\."))
        .contains("overall progress: " + replicas + " out of " + replicas + " tasks");
  }

  @Test
  @Order(1)
  void aSwarmOfThreeIsFormed(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    String token = SwarmLab.init(h1);
    SwarmLab.join(lab.host("h2"), token, h1);
    SwarmLab.join(lab.host("h3"), token, h1);
    await(() -> shoal(h1, "node", "ls"), out -> out.lines().filter(l -> l.contains(" Ready ")).count() == 3);
  }

  @Test
  @Order(2)
  void createDetachedPrintsTheIdAndLsPsInspectMatchDocker(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    String id = ok(shoal(h1, "service", "create", "-d", "--no-resolve-image", "--name", "web", "--replicas", "3",
        "busybox", "sleep", "1d")).strip();
    assertThat(id).matches("[0-9a-z]{25}");
    await(() -> shoal(h1, "service", "ls", "--format", "{{.Replicas}}", "-f", "name=web"), out -> out.equals("3/3\n"));
    assertThat(ok(shoal(h1, "service", "ls"))).isEqualTo(ok(docker(h1, "service", "ls")))
        .startsWith("ID             NAME      MODE         REPLICAS   IMAGE     PORTS\n")
        .contains(id.substring(0, 12) + "   web       replicated   3/3        busybox   ");
    assertThat(ok(shoal(h1, "service", "ls", "-q"))).isEqualTo(ok(docker(h1, "service", "ls", "-q")));

    String ps = ok(shoal(h1, "service", "ps", "--format", PS_TABLE, "web"));
    assertThat(ps).isEqualTo(ok(docker(h1, "service", "ps", "--format", PS_TABLE, "web")));
    assertThat(ps.lines().skip(1).map(l -> l.split(" +")[3]).distinct().count()).as("one task per node: " + ps).isEqualTo(3);
    assertThat(ageless(ok(shoal(h1, "service", "ps", "web")))).isEqualTo(ageless(ok(docker(h1, "service", "ps", "web"))))
        .contains("web.1 ", "web.2 ", "web.3 ", " Running  Running <age> ago");
    assertThat(ok(shoal(h1, "service", "ps", "-q", "--no-trunc", "web"))).isEqualTo(ok(docker(h1, "service", "ps", "-q", "--no-trunc", "web")));

    assertThat(ok(shoal(h1, "service", "inspect", "--pretty", "web"))).isEqualTo(ok(docker(h1, "service", "inspect", "--pretty", "web")))
        .contains("Name:\t\tweb\n", " Replicas:\t3\n");
    assertThat(ok(shoal(h1, "service", "inspect", "web"))).isEqualTo(ok(docker(h1, "service", "inspect", "web")));
    CommandResult missing = shoal(h1, "service", "inspect", "nope");
    CommandResult theirs = docker(h1, "service", "inspect", "nope");
    assertThat(missing.exitCode()).isEqualTo(1).isEqualTo(theirs.exitCode());
    assertThat(missing.stderr()).isEqualTo(theirs.stderr()).isEqualTo("Error: no such service: nope\n");
  }

  @Test
  @Order(3)
  void createWithoutDetachShowsConvergenceAsDockerDoes(Lab lab) {
    LabHost h1 = lab.host("h1");
    String mine = ok(shoal(h1, "service", "create", "--no-resolve-image", "--name", "conv", "--replicas", "3",
        "--update-monitor", "1s", "busybox", "sleep", "1d"));
    String id = mine.lines().findFirst().orElseThrow();
    assertProgress(mine, id, 3, "Service " + id + " converged");
    String theirs = ok(docker(h1, "service", "create", "--no-resolve-image", "--name", "conv-d", "--replicas", "3",
        "--update-monitor", "1s", "busybox", "sleep", "1d"));
    String theirId = theirs.lines().findFirst().orElseThrow();
    assertProgress(theirs, theirId, 3, "Service " + theirId + " converged");

    String global = ok(shoal(h1, "service", "create", "--no-resolve-image", "--name", "everywhere", "--mode", "global",
        "--update-monitor", "1s", "busybox", "sleep", "1d"));
    assertThat(global.lines().toList().getLast()).isEqualTo("verify: Service " + global.lines().findFirst().orElseThrow() + " converged");
    assertThat(global).contains("overall progress: 3 out of 3 tasks\n");
    assertThat(ok(shoal(h1, "service", "ls", "-f", "name=everywhere", "--format", "{{.Mode}} {{.Replicas}}"))).isEqualTo("global 3/3\n");
  }

  @Test
  @Order(4)
  void scaleShowsProgressThenDetachedScaleDownKeepsTheLowSlots(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    String out = ok(shoal(h1, "service", "scale", "web=5"));
    assertProgress(out, "web scaled to 5", 5, "Service web converged");
    assertThat(replicas(h1, "web")).isEqualTo("5/5");
    assertThat(ok(shoal(h1, "service", "scale", "-d", "web=3"))).isEqualTo("web scaled to 3\n");
    await(() -> shoal(h1, "service", "ps", "-f", "desired-state=running", "--format", "{{.Name}} {{.CurrentState}}", "web"),
        o -> o.lines().filter(l -> l.contains(" Running ")).count() == 3 && o.lines().count() == 3);
    assertThat(ok(shoal(h1, "service", "ps", "-f", "desired-state=running", "--format", "{{.Name}}", "web")))
        .isEqualTo("web.1\nweb.2\nweb.3\n");
    CommandResult bad = shoal(h1, "service", "scale", "everywhere=2", "nope=1");
    CommandResult theirs = docker(h1, "service", "scale", "everywhere=2", "nope=1");
    assertThat(bad.exitCode()).isEqualTo(1).isEqualTo(theirs.exitCode());
    assertThat(bad.stderr()).isEqualTo(theirs.stderr());
  }

  @Test
  @Order(5)
  void updateImageRollsTheTasksAndRollbackBringsTheOldImageBack(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    for (String h : List.of("h1", "h2", "h3")) {
      ok(shoal(lab.host(h), "tag", "busybox", "busybox:v2"));
    }
    assertThat(ok(shoal(h1, "service", "update", "-d", "--no-resolve-image", "--image", "busybox:v2", "--update-parallelism", "2",
        "web"))).isEqualTo("web\n");
    await(() -> shoal(h1, "service", "ps", "-f", "desired-state=running", "--format", "{{.Image}} {{.CurrentState}}", "web"),
        o -> o.lines().filter(l -> l.startsWith("busybox:v2 Running ")).count() == 3);
    assertThat(ok(shoal(h1, "service", "ps", "--format", PS_TABLE, "web")))
        .isEqualTo(ok(docker(h1, "service", "ps", "--format", PS_TABLE, "web")))
        .contains(" \\_ web.1 ");
    assertThat(ok(shoal(h1, "service", "inspect", "-f", "{{.Spec.UpdateConfig.Parallelism}} {{.PreviousSpec.TaskTemplate.ContainerSpec.Image}}",
        "web"))).isEqualTo("2 busybox\n");

    String rollback = ok(shoal(h1, "service", "rollback", "web"));
    assertThat(rollback.lines().findFirst()).contains("web");
    assertThat(rollback.lines().toList().getLast()).isEqualTo("verify: Service web converged");
    assertThat(ok(shoal(h1, "service", "ps", "-f", "desired-state=running", "--format", "{{.Image}}", "web")))
        .isEqualTo("busybox\nbusybox\nbusybox\n");
    CommandResult conflict = shoal(h1, "service", "update", "--rollback", "--image", "x", "web");
    assertThat(conflict.exitCode()).isEqualTo(1);
    assertThat(conflict.stderr()).isEqualTo(docker(h1, "service", "update", "--rollback", "--image", "x", "web").stderr())
        .isEqualTo("other flags may not be combined with --rollback\n");
  }

  @Test
  @Order(6)
  void logsGatherEveryNodesLinesWithDockersPrefixes(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    ok(shoal(h1, "service", "create", "-d", "--no-resolve-image", "--name", "talk", "--replicas", "3", "busybox",
        "sh", "-c", "echo hello from $HOSTNAME; sleep 1d"));
    await(() -> shoal(h1, "service", "logs", "talk"), o -> o.lines().filter(l -> l.contains("| hello from")).count() == 3);
    for (List<String> flags : List.of(List.<String>of(), List.of("--no-task-ids"), List.of("-t", "--no-trunc"), List.of("--raw"),
        List.of("--no-resolve", "--tail", "1"))) {
      List<String> args = new ArrayList<>(List.of("service", "logs"));
      args.addAll(flags);
      args.add("talk");
      // lines of different nodes arrive in any order
      assertThat(ok(shoal(h1, args.toArray(String[]::new))).lines().sorted().toList()).as(flags.toString())
          .isEqualTo(ok(docker(h1, args.toArray(String[]::new))).lines().sorted().toList()).hasSize(3);
    }
    assertThat(ok(shoal(h1, "service", "logs", "talk")).lines()).allMatch(l -> l.matches("talk\\.[123]\\.[0-9a-z]{12}@h[123] +\\| hello from \\w+"));
  }

  @Test
  @Order(7)
  void nodePsListsTheTasksOfANode(Lab lab) {
    LabHost h1 = lab.host("h1");
    String h2 = SwarmLab.nodeId(lab.host("h2"));
    assertThat(ok(shoal(h1, "node", "ps", "--format", PS_TABLE, h2))).isEqualTo(ok(docker(h1, "node", "ps", "--format", PS_TABLE, h2)))
        .contains(" h2 ");
    assertThat(ageless(ok(shoal(h1, "node", "ps")))).isEqualTo(ageless(ok(docker(h1, "node", "ps"))));
  }

  @Test
  @Order(8)
  void rmRemovesTheServicesAndReportsMissingOnesLikeDocker(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    ok(docker(h1, "service", "rm", "conv-d"));
    CommandResult r = shoal(h1, "service", "rm", "web", "nope", "conv", "everywhere", "talk");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stdout()).isEqualTo("web\nconv\neverywhere\ntalk\n");
    assertThat(r.stderr()).isEqualTo(docker(h1, "service", "rm", "nope").stderr()).startsWith("Error response from daemon: ");
    assertThat(ok(shoal(h1, "service", "ls", "-q"))).isEmpty();
    await(() -> shoal(h1, "node", "ps", "-q"), String::isEmpty);
  }
}
