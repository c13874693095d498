package shoal.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.common.CommandResult;
import shoal.testing.TestDaemon;

/** Services on a one-node swarm, as the stock docker CLI drives them. */
@Tag("netns")
class ServiceIT {
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

  static void await(String what, java.util.function.BooleanSupplier c) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!c.getAsBoolean()) {
      assertThat(System.nanoTime()).as("within 20 s: " + what).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  static CommandResult fails(String... args) {
    CommandResult r = d.docker(Duration.ofSeconds(60), args);
    assertThat(r.ok()).as("docker %s should fail", String.join(" ", args)).isFalse();
    return r;
  }

  static long running(String service) {
    return ok("service", "ps", "-q", "-f", "desired-state=running", service).strip().lines()
        .filter(id -> ok("inspect", "-f", "{{.Status.State}}", id).strip().equals("running")).count();
  }

  static String containers(String service) {
    return ok("ps", "-a", "--filter", "label=com.docker.swarm.service.name=" + service, "--format", "{{.Names}} {{.State}}");
  }

  @Test
  void createdServiceRunsItsReplicasInNamedLabelledContainers() throws Exception {
    String id = ok("service", "create", "-d", "--no-resolve-image", "--name", "web", "--replicas", "2",
        "--container-label", "team=a", "busybox", "sleep", "1d").strip();
    assertThat(id).matches("[0-9a-z]{25}");
    await("2/2", () -> ok("service", "ls", "--format", "{{.Replicas}}", "-f", "name=web").strip().equals("2/2"));
    String nodeId = ok("info", "-f", "{{.Swarm.NodeID}}").strip();
    for (String taskId : ok("service", "ps", "-q", "--no-trunc", "web").strip().split("\n")) {
      String slot = ok("inspect", "-f", "{{.Slot}}", taskId).strip();
      String name = "web." + slot + "." + taskId;
      assertThat(ok("inspect", "-f", "{{.Name}} {{.State.Status}} {{index .Config.Labels \"com.docker.swarm.task.id\"}} "
          + "{{index .Config.Labels \"com.docker.swarm.task.name\"}} {{index .Config.Labels \"com.docker.swarm.service.id\"}} "
          + "{{index .Config.Labels \"com.docker.swarm.node.id\"}} {{index .Config.Labels \"team\"}} {{.Config.Cmd}}", name).strip())
          .isEqualTo("/" + name + " running " + taskId + " " + name + " " + id + " " + nodeId + " a [sleep 1d]");
    }
    assertThat(ok("service", "inspect", "-f", "{{.Spec.Name}} {{.Spec.Mode.Replicated.Replicas}} {{.Spec.TaskTemplate.RestartPolicy.Condition}}", "web").strip())
        .isEqualTo("web 2 any");
    assertThat(ok("service", "inspect", "--pretty", "web")).contains("Name:\t\tweb", "Replicated", "Replicas:\t2");

    ok("service", "rm", "web");
    await("containers removed", () -> containers("web").isBlank());
  }

  @Test
  void servicesAndTasksAreFilteredAsDockerFiltersThem() throws Exception {
    ok("service", "create", "-d", "--no-resolve-image", "--name", "fa", "--label", "tier=front", "--replicas", "2", "busybox", "sleep", "1d");
    ok("service", "create", "-d", "--no-resolve-image", "--name", "fb", "--mode", "global", "busybox", "sleep", "1d");
    await("3 running", () -> running("fa") == 2 && running("fb") == 1);
    String faId = ok("service", "inspect", "-f", "{{.ID}}", "fa").strip();
    assertThat(ok("service", "ls", "-q", "-f", "mode=global").strip()).isEqualTo(ok("service", "inspect", "-f", "{{.ID}}", "fb").strip().substring(0, 12));
    assertThat(ok("service", "ls", "--format", "{{.Name}}", "-f", "label=tier=front").strip()).isEqualTo("fa");
    assertThat(ok("service", "ls", "--format", "{{.Name}}", "-f", "name=f").strip().lines()).containsExactlyInAnyOrder("fa", "fb");
    assertThat(ok("service", "ls", "--format", "{{.Name}}", "-f", "id=" + faId.substring(0, 6)).strip()).isEqualTo("fa");
    assertThat(ok("service", "ps", "--format", "{{.Name}}", "-f", "name=fa.2", "fa").strip()).isEqualTo("fa.2");
    String node = ok("info", "-f", "{{.Name}}").strip();
    assertThat(ok("service", "ps", "-q", "-f", "node=" + node, "fa").strip().lines()).hasSize(2);
    ok("service", "scale", "-d", "fa=1");
    await("fa.2 removed", () -> ok("service", "ps", "-q", "-f", "desired-state=running", "fa").strip().lines().count() == 1);
    assertThat(ok("service", "ps", "--format", "{{.Name}}", "-f", "desired-state=running", "fa").strip()).isEqualTo("fa.1");
    String task = ok("service", "ps", "-q", "--no-trunc", "-f", "desired-state=running", "fa").strip();
    assertThat(d.api("GET", "/tasks/" + task).stdout()).contains("\"ServiceID\":\"" + faId + "\"", "\"Slot\":1");
    assertThat(d.api("GET", "/tasks?filters=%7B%22id%22%3A%7B%22" + task.substring(0, 8) + "%22%3Atrue%7D%7D").stdout()).contains(task);
    ok("service", "rm", "fa", "fb");
  }

  @Test
  void badSpecsAndStaleVersionsAreRefusedInDockersWords() {
    assertThat(fails("service", "create", "-d", "--name", "bad.name", "busybox", "true").stderr())
        .contains("rpc error: code = InvalidArgument desc = name must be valid as a DNS name component");
    assertThat(fails("service", "create", "-d", "--constraint", "node.role=manager", "busybox", "true").stderr())
        .contains("rpc error: code = InvalidArgument desc = constraint expected one operator from ==, !=");
    ok("service", "create", "-d", "--no-resolve-image", "--name", "dup", "--replicas", "0", "busybox", "true");
    assertThat(fails("service", "rollback", "-d", "dup").stderr()).contains("does not have a previous spec");
    assertThat(fails("service", "create", "-d", "--no-resolve-image", "--name", "dup", "busybox", "true").stderr())
        .contains("rpc error: code = AlreadyExists desc = name conflicts with an existing object: service dup already exists");
    String version = ok("service", "inspect", "-f", "{{.Version.Index}}", "dup").strip();
    String id = ok("service", "inspect", "-f", "{{.ID}}", "dup").strip();
    String spec = ok("service", "inspect", "-f", "{{json .Spec}}", "dup").strip();
    ok("service", "scale", "-d", "dup=0");
    CommandResult stale = d.api("POST", "/services/" + id + "/update?version=" + (Long.parseLong(version) - 1), spec);
    assertThat(stale.stdout()).contains("rpc error: code = Unknown desc = update out of sequence");
    assertThat(fails("service", "inspect", "nosuch").stderr()).containsIgnoringCase("no such service: nosuch");
    ok("service", "rm", "dup");
  }

  @Test
  void withoutDetachCreateDrawsProgressUntilTheServiceConverged() {
    CommandResult r = d.docker(Duration.ofSeconds(60), "service", "create", "--no-resolve-image", "--name", "conv",
        "--replicas", "2", "--update-monitor", "1s", "busybox", "sleep", "1d");
    assertThat(r.ok()).as(r.failure()).isTrue();
    String id = r.stdout().lines().findFirst().orElseThrow();
    assertThat(r.stdout()).contains("overall progress: 2 out of 2 tasks", "verify: Service " + id + " converged");
    ok("service", "rm", "conv");
  }

  @Test
  void withoutDetachUpdateScaleAndRollbackWaitUntilConverged() throws Exception {
    ok("service", "create", "-d", "--no-resolve-image", "--name", "roll", "--replicas", "2", "--update-monitor", "1s",
        "--rollback-monitor", "1s", "--stop-grace-period", "1s", "busybox", "sleep", "1d");
    await("2 running", () -> running("roll") == 2);
    assertThat(ok("service", "scale", "roll=3")).contains("overall progress: 3 out of 3 tasks", "converged");
    String update = ok("service", "update", "--env-add", "A=1", "roll");
    assertThat(update).contains("overall progress: 3 out of 3 tasks", "converged");
    assertThat(ok("service", "ps", "-f", "desired-state=running", "-q", "roll").strip().lines())
        .hasSize(3).allSatisfy(t -> assertThat(ok("inspect", "-f", "{{.Spec.ContainerSpec.Env}}", t).strip()).isEqualTo("[A=1]"));
    String rollback = ok("service", "rollback", "roll");
    assertThat(rollback).contains("rollback: manually requested rollback", "converged");
    assertThat(ok("service", "inspect", "-f", "{{.Spec.TaskTemplate.ContainerSpec.Env}} {{.Spec.Mode.Replicated.Replicas}} {{.UpdateStatus.State}}", "roll").strip())
        .isEqualTo("[] 3 rollback_completed");
    ok("service", "rm", "roll");
  }

  @Test
  void aMissingImageRejectsTheTaskAndAFailingContainerFailsIt() throws Exception {
    ok("service", "create", "-d", "--no-resolve-image", "--name", "noimg", "--restart-condition", "none", "nosuch:1.0", "true");
    await("rejected", () -> ok("service", "ps", "--no-trunc", "--format", "{{.CurrentState}} {{.Error}}", "noimg").contains("Rejected"));
    assertThat(ok("service", "ps", "--no-trunc", "--format", "{{.Error}}", "noimg")).contains("No such image: nosuch:1.0");
    ok("service", "create", "-d", "--no-resolve-image", "--name", "fails", "--restart-condition", "none", "busybox", "sh", "-c", "exit 3");
    await("failed", () -> ok("service", "ps", "--no-trunc", "--format", "{{.CurrentState}}|{{.Error}}", "fails").startsWith("Failed"));
    assertThat(ok("service", "ps", "--no-trunc", "--format", "{{.Error}}", "fails").strip()).isEqualTo("\"task: non-zero exit (3)\"");
    ok("service", "rm", "noimg", "fails");
  }

  @Test
  void serviceLogsCarryEveryTasksLinesWithTheirPrefix() throws Exception {
    ok("service", "create", "-d", "--no-resolve-image", "--name", "talk", "--replicas", "2", "busybox", "sh", "-c", "echo hello from $HOSTNAME; sleep 1d");
    await("2 running", () -> running("talk") == 2);
    await("2 lines", () -> ok("service", "logs", "talk").lines().filter(l -> l.contains("hello from")).count() == 2);
    String host = ok("info", "-f", "{{.Name}}").strip();
    assertThat(ok("service", "logs", "talk").strip().lines()).allMatch(l -> l.matches("talk\\.[12]\\.[0-9a-z]{12}@" + host + " +\\| hello from \\w+"));
    assertThat(ok("service", "logs", "--raw", "--no-task-ids", "-t", "talk").strip().lines())
        .allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\S+ hello from \\w+"));
    String task = ok("service", "ps", "-q", "talk").strip().lines().findFirst().orElseThrow();
    assertThat(ok("service", "logs", task).strip().lines()).hasSize(1);
    ok("service", "rm", "talk");
  }

  @Test
  void followedServiceLogsShowLinesWrittenLater() throws Exception {
    ok("service", "create", "-d", "--no-resolve-image", "--name", "later", "busybox", "sh", "-c", "echo first; sleep 2; echo second; sleep 1d");
    await("running", () -> running("later") == 1);
    java.util.List<String> lines = followLogs("later", "second", Duration.ofSeconds(15));
    assertThat(lines).containsSubsequence("first", "second");
    ok("service", "rm", "later");
  }

  @Test
  void followedServiceLogsShowTasksStartedAfterTheyBegan() throws Exception {
    ok("service", "create", "-d", "--no-resolve-image", "--name", "grows", "busybox", "sh", "-c",
        "echo hello from $(hostname); sleep 1d");
    await("running", () -> running("grows") == 1);
    Thread scaler = Thread.ofVirtual().start(() -> {
      try {
        Thread.sleep(1500);
        ok("service", "scale", "-d", "grows=2");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try {
      java.util.List<String> lines = followLogs("grows", l -> l.stream().filter(x -> x.startsWith("hello from")).count() == 2,
          Duration.ofSeconds(20));
      assertThat(lines.stream().filter(l -> l.startsWith("hello from")).distinct()).hasSize(2);
    } finally {
      scaler.join(10000);
      ok("service", "rm", "grows");
    }
  }

  private static java.util.List<String> followLogs(String service, String until, Duration timeout) throws Exception {
    return followLogs(service, l -> l.contains(until), timeout);
  }

  /** {@code service logs -f --raw}, read until {@code done} holds; then the client leaves. */
  private static java.util.List<String> followLogs(String service,
      java.util.function.Predicate<java.util.List<String>> done, Duration timeout) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("/usr/local/bin/docker", "service", "logs", "-f", "--raw", service).redirectErrorStream(true);
    pb.environment().put("DOCKER_HOST", "unix://" + d.socket());
    Process p = pb.start();
    java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread reader = Thread.ofVirtual().start(() -> {
      try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
        for (String l = r.readLine(); l != null; l = r.readLine()) {
          lines.add(l.strip());
        }
      } catch (java.io.IOException e) {
        // the process was ended
      }
    });
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!done.test(lines) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(p.isAlive()).as("still following").isTrue();
      return lines;
    } finally {
      p.destroyForcibly();
      reader.join(5000);
    }
  }

  @Test
  void aDaemonKilledAndRestartedStartsNoDuplicateAndLeavesNoOrphan() throws Exception {
    ok("service", "create", "-d", "--no-resolve-image", "--name", "keep", "--replicas", "3", "busybox", "sleep", "1d");
    await("3 running", () -> running("keep") == 3);
    String before = ok("ps", "-q", "--no-trunc", "--filter", "label=com.docker.swarm.service.name=keep");
    d.kill9();
    d.restart();
    await("swarm back", () -> d.docker("node", "ls").ok());
    await("3 running again", () -> running("keep") == 3);
    Thread.sleep(1000);
    assertThat(ok("ps", "-aq", "--no-trunc", "--filter", "label=com.docker.swarm.service.name=keep").lines().sorted().toList())
        .isEqualTo(before.lines().sorted().toList());
    ok("service", "scale", "-d", "keep=1");
    await("2 removed", () -> containers("keep").strip().lines().count() == 1);
    ok("service", "rm", "keep");
  }
}
