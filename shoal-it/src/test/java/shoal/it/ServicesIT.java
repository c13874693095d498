package shoal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static shoal.it.ServiceLab.containers;
import static shoal.it.ServiceLab.running;
import static shoal.it.ServiceLab.runningByNode;
import static shoal.it.ServiceLab.runningContainers;
import static shoal.it.ServiceLab.swarm;
import static shoal.it.ServiceLab.tasks;
import static shoal.it.SwarmLab.await;
import static shoal.it.SwarmLab.join;
import static shoal.it.SwarmLab.nodeLs;
import static shoal.it.SwarmLab.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.lab.Lab;
import shoal.lab.LabHost;
import shoal.lab.junit.WithLab;

/** Services on a three-host lab, as the stock docker CLI drives them. */
@Tag("netns")
class ServicesIT {
  private static final Duration CONVERGE = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  @WithLab(nodes = 3)
  void threeReplicasLandOnePerNodeInDockersContainersAndTheirLogsComeFromEveryNode(Lab lab) throws Exception {
    swarm(lab, "h1", "h2", "h3");
    LabHost h1 = lab.host("h1");
    String id = ok(h1, "service", "create", "-d", "--no-resolve-image", "--name", "web", "--replicas", "3",
        "busybox", "sh", "-c", "echo hello; sleep 1d").strip();
    await("3 running", CONVERGE, () -> running(h1, "web") == 3);
    assertThat(runningByNode(h1, "web")).containsExactlyInAnyOrderEntriesOf(Map.of("h1", 1, "h2", 1, "h3", 1));
    for (String h : List.of("h1", "h2", "h3")) {
      LabHost host = lab.host(h);
      List<String> mine = containers(host, "web");
      assertThat(mine).hasSize(1);
      String name = mine.getFirst().split(" ")[0];
      assertThat(name).matches("web\\.[123]\\.[0-9a-z]{25}");
      String taskId = name.substring(name.lastIndexOf('.') + 1);
      assertThat(ok(host, "inspect", "-f", "{{index .Config.Labels \"com.docker.swarm.service.id\"}} "
          + "{{index .Config.Labels \"com.docker.swarm.service.name\"}} {{index .Config.Labels \"com.docker.swarm.task.id\"}} "
          + "{{index .Config.Labels \"com.docker.swarm.task.name\"}} {{index .Config.Labels \"com.docker.swarm.node.id\"}}", name).strip())
          .isEqualTo(id + " web " + taskId + " " + name + " " + SwarmLab.nodeId(host));
    }
    await("a line from each node", CONVERGE, () -> ok(h1, "service", "logs", "web").lines().count() == 3);
    assertThat(ok(h1, "service", "logs", "web").lines().map(l -> l.replaceAll("^web\\.\\d\\.[0-9a-z]{12}@(h\\d) +\\| hello$", "$1")))
        .containsExactlyInAnyOrder("h1", "h2", "h3");

    for (String[] cmd : List.of(new String[] {"service", "ls"}, new String[] {"service", "ps", "web"}, new String[] {"service", "logs", "web"})) {
      var refused = SwarmLab.docker(lab.host("h2"), cmd);
      assertThat(refused.ok()).isFalse();
      assertThat(refused.stderr()).contains("This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state.");
    }

    ok(h1, "service", "create", "-d", "--no-resolve-image", "--name", "ctl", "--replicas", "3",
        "--constraint", "node.role==manager", "busybox", "sleep", "1d");
    await("3 running on the manager", CONVERGE, () -> running(h1, "ctl") == 3);
    assertThat(runningByNode(h1, "ctl")).containsExactly(Map.entry("h1", 3));
  }

  @Test
  @WithLab(nodes = 3)
  void scalingThreeToThirtyAndBackRunsAndRemovesTasksOnEveryNode(Lab lab) throws Exception {
    swarm(lab, "h1", "h2", "h3");
    LabHost h1 = lab.host("h1");
    ok(h1, "service", "create", "-d", "--no-resolve-image", "--name", "many", "--replicas", "3",
        "--stop-grace-period", "1s", "busybox", "sleep", "1d");
    await("3 running", CONVERGE, () -> running(h1, "many") == 3);
    ok(h1, "service", "scale", "-d", "many=30");
    await("30 running", Duration.ofSeconds(60), () -> running(h1, "many") == 30);
    assertThat(runningByNode(h1, "many")).containsExactlyInAnyOrderEntriesOf(Map.of("h1", 10, "h2", 10, "h3", 10));
    ok(h1, "service", "scale", "-d", "many=3");
    await("27 removed", Duration.ofSeconds(60), () -> tasks(h1, "many").size() == 3
        && lab.hosts().stream().mapToInt(h -> containers(h, "many").size()).sum() == 3);
    assertThat(tasks(h1, "many")).extracting(ServiceLab.Task::name).containsExactlyInAnyOrder("many.1", "many.2", "many.3");
    assertThat(running(h1, "many")).isEqualTo(3);
  }

  @Test
  @WithLab(nodes = 3)
  void aKilledWorkersTasksRunElsewhereAndWhenItReturnsItsOldContainersStopAndOrphansGo(Lab lab) throws Exception {
    swarm(lab, "h1", "h2", "h3");
    LabHost h1 = lab.host("h1");
    LabHost h3 = lab.host("h3");
    ok(h1, "service", "create", "-d", "--no-resolve-image", "--name", "web", "--replicas", "3",
        "--restart-delay", "1s", "--stop-grace-period", "1s", "busybox", "sleep", "1d");
    ok(h1, "service", "create", "-d", "--no-resolve-image", "--name", "gone", "--replicas", "3",
        "--stop-grace-period", "1s", "busybox", "sleep", "1d");
    await("6 running", CONVERGE, () -> running(h1, "web") == 3 && running(h1, "gone") == 3);
    String oldOnH3 = containers(h3, "web").getFirst().split(" ")[0];

    h3.daemon().kill9();
    await("h3 Down", CONVERGE, () -> nodeLs(h1).get("h3").status().equals("Down"));
    ok(h1, "service", "rm", "gone");
    await("web's 3 tasks running on h1 and h2", CONVERGE,
        () -> runningByNode(h1, "web").getOrDefault("h1", 0) + runningByNode(h1, "web").getOrDefault("h2", 0) == 3);

    h3.daemon().start();
    await("h3 Ready", CONVERGE, () -> nodeLs(h1).get("h3").status().equals("Ready"));
    await("h3's old web container stopped, gone's removed", CONVERGE,
        () -> runningContainers(h3, "web") == 0 && containers(h3, "gone").isEmpty());
    assertThat(containers(h3, "web")).containsExactly(oldOnH3 + " exited");
    String oldTask = oldOnH3.substring(oldOnH3.lastIndexOf('.') + 1);
    await("the old task shut down", CONVERGE, () -> tasks(h1, "web").stream()
        .anyMatch(t -> t.id().equals(oldTask) && t.desired().equals("Shutdown") && t.state().equals("Shutdown")));
    assertThat(running(h1, "web")).isEqualTo(3);

    // A clean stop ends the node's session: it is Down at once and its task moves, as in Docker.
    LabHost h2 = lab.host("h2");
    String oldOnH2 = containers(h2, "web").getFirst().split(" ")[0];
    h2.daemon().stop();
    h2.daemon().start();
    await("h2 Ready", CONVERGE, () -> nodeLs(h1).get("h2").status().equals("Ready"));
    await("3 running, h2's old one stopped", CONVERGE, () -> running(h1, "web") == 3
        && containers(h2, "web").contains(oldOnH2 + " exited"));
    Thread.sleep(1000);
    assertThat(running(h1, "web")).isEqualTo(3);
    Map<String, Integer> slots = new HashMap<>();
    for (LabHost h : lab.hosts()) {
      containers(h, "web").stream().filter(c -> c.endsWith(" running"))
          .forEach(c -> slots.merge(c.substring(0, c.indexOf('.', 4)), 1, Integer::sum));
    }
    assertThat(slots).as("one running container per slot").containsOnlyKeys("web.1", "web.2", "web.3").allSatisfy((k, v) -> assertThat(v).isOne());
    Set<String> known = new HashSet<>(tasks(h1, "web").stream().map(ServiceLab.Task::id).toList());
    for (LabHost h : lab.hosts()) {
      assertThat(containers(h, "web")).as("containers of known tasks only, on " + h.name())
          .allMatch(c -> known.contains(c.substring(c.lastIndexOf('.', c.indexOf(' ')) + 1, c.indexOf(' '))));
    }
  }

  @Test
  @WithLab(nodes = 3)
  void drainingMovesTasksAndUpdatesRollWithTheGivenParallelism(Lab lab) throws Exception {
    swarm(lab, "h1", "h2", "h3");
    LabHost h1 = lab.host("h1");
    ok(h1, "service", "create", "-d", "--no-resolve-image", "--name", "web", "--replicas", "6",
        "--update-parallelism", "2", "--update-delay", "500ms", "--stop-grace-period", "1s", "busybox", "sleep", "1d");
    await("6 running", CONVERGE, () -> running(h1, "web") == 6);
    ok(h1, "node", "update", "--availability", "drain", "h3");
    await("moved off h3", CONVERGE, () -> running(h1, "web") == 6 && !runningByNode(h1, "web").containsKey("h3")
        && runningContainers(lab.host("h3"), "web") == 0);
    ok(h1, "node", "update", "--availability", "active", "h3");

    ok(h1, "service", "update", "-d", "--env-add", "COLOR=blue", "web");
    int most = watchUpdate(h1, "web");
    System.out.println("env update: at most " + most + " slots updating at once (parallelism 2)");
    assertThat(most).as("slots updating at once").isBetween(1, 2);
    assertThat(ok(h1, "service", "inspect", "-f", "{{.Spec.TaskTemplate.ContainerSpec.Env}}", "web").strip()).isEqualTo("[COLOR=blue]");
    for (LabHost h : lab.hosts()) {
      for (String c : containers(h, "web")) {
        if (c.endsWith(" running")) {
          assertThat(ok(h, "inspect", "-f", "{{.Config.Env}}", c.split(" ")[0])).contains("COLOR=blue");
        }
      }
    }

    for (LabHost h : lab.hosts()) {
      ok(h, "tag", "busybox:latest", "busybox:v2");
    }
    ok(h1, "service", "update", "-d", "--image", "busybox:v2", "web");
    assertThat(watchUpdate(h1, "web")).isBetween(1, 2);
    assertThat(tasks(h1, "web").stream().filter(t -> t.desired().equals("Running")).count()).isEqualTo(6);
    assertThat(ok(h1, "service", "ps", "-f", "desired-state=running", "--format", "{{.Image}}", "web").strip().lines())
        .containsOnly("busybox:v2");

    ok(h1, "service", "rollback", "-d", "web");
    watchUpdate(h1, "web");
    assertThat(ok(h1, "service", "ps", "-f", "desired-state=running", "--format", "{{.Image}}", "web").strip().lines())
        .hasSize(6).doesNotContain("busybox:v2");
  }

  /**
   * Follows an update until every slot runs its service's spec; returns the most slots seen
   * without a running task at once (stop-first: the slots being updated).
   */
  private static int watchUpdate(LabHost h1, String service) throws Exception {
    String filter = URLEncoder.encode("{\"service\":{\"" + service + "\":true}}", StandardCharsets.UTF_8);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int most = 0;
    while (System.nanoTime() < deadline) {
      JsonNode svc = JSON.readTree(h1.daemon().api("GET", "/services/" + service).stdout());
      JsonNode template = svc.path("Spec").path("TaskTemplate");
      long replicas = svc.path("Spec").path("Mode").path("Replicated").path("Replicas").asLong();
      JsonNode tasks = JSON.readTree(h1.daemon().api("GET", "/tasks?filters=" + filter).stdout());
      Map<Long, Boolean> serving = new HashMap<>();
      long oldRunning = 0;
      long newRunning = 0;
      for (JsonNode t : tasks) {
        boolean runs = t.path("DesiredState").asText().equals("running") && t.path("Status").path("State").asText().equals("running");
        serving.merge(t.path("Slot").asLong(), runs, Boolean::logicalOr);
        if (t.path("Status").path("State").asText().equals("running")) {
          if (t.path("Spec").equals(template)) {
            newRunning++;
          } else {
            oldRunning++;
          }
        }
      }
      int updating = (int) (replicas - serving.values().stream().filter(x -> x).count());
      most = Math.max(most, updating);
      if (updating == 0 && oldRunning == 0 && newRunning == replicas && svc.path("UpdateStatus").path("State").asText("completed").endsWith("completed")) {
        return most;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the update of " + service + " did not complete within 60 s");
  }

  @Test
  @WithLab(nodes = 3)
  void aGlobalServiceRunsOneTaskPerNodeAlsoOnANodeThatJoinsLater(Lab lab) throws Exception {
    swarm(lab, "h1", "h2");
    LabHost h1 = lab.host("h1");
    ok(h1, "service", "create", "-d", "--no-resolve-image", "--name", "agent", "--mode", "global", "busybox", "sleep", "1d");
    await("one per node", CONVERGE, () -> runningByNode(h1, "agent").equals(Map.of("h1", 1, "h2", 1)));
    String h3 = join(lab.host("h3"), SwarmLab.token(h1, "worker"), h1);
    assertThat(h3).isEqualTo("This node joined a swarm as a worker.");
    await("one on h3 too", CONVERGE, () -> runningByNode(h1, "agent").equals(Map.of("h1", 1, "h2", 1, "h3", 1)));
    String nodeId = SwarmLab.nodeId(lab.host("h3"));
    assertThat(containers(lab.host("h3"), "agent")).singleElement().asString().matches("agent\\." + nodeId + "\\.[0-9a-z]{25} running");
    assertThat(ok(h1, "service", "ls", "--format", "{{.Mode}} {{.Replicas}}", "-f", "name=agent").strip()).isEqualTo("global 3/3");
  }
}
