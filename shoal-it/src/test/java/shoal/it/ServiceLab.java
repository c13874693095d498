package shoal.it;

import static shoal.it.SwarmLab.await;
import static shoal.it.SwarmLab.init;
import static shoal.it.SwarmLab.join;
import static shoal.it.SwarmLab.nodeLs;
import static shoal.it.SwarmLab.ok;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import shoal.lab.Lab;
import shoal.lab.LabHost;

/** Services on a lab swarm, through the stock docker CLI. */
final class ServiceLab {
  private ServiceLab() {}

  /** h1 inits, the other hosts join as workers; waits until every node is Ready. */
  static void swarm(Lab lab, String... hosts) throws InterruptedException {
    LabHost h1 = lab.host(hosts[0]);
    String token = init(h1);
    for (int i = 1; i < hosts.length; i++) {
      join(lab.host(hosts[i]), token, h1);
    }
    await(hosts.length + " Ready nodes", Duration.ofSeconds(20),
        () -> nodeLs(h1).size() == hosts.length && nodeLs(h1).values().stream().allMatch(r -> r.status().equals("Ready")));
  }

  /** One row of {@code service ps}: the task's name, node, desired state and current state's first word. */
  record Task(String id, String name, String node, String desired, String state, String error) {}

  static List<Task> tasks(LabHost manager, String service) {
    String out = ok(manager, "service", "ps", "--no-trunc", "--format",
        "{{.ID}}|{{.Name}}|{{.Node}}|{{.DesiredState}}|{{.CurrentState}}|{{.Error}}", service);
    List<Task> tasks = new ArrayList<>();
    for (String line : out.strip().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\\|", -1);
      tasks.add(new Task(f[0], f[1].replace("\\_ ", "").strip(), f[2], f[3], f[4].split(" ")[0], f[5]));
    }
    return tasks;
  }

  /** The tasks wanted running that run, by node. */
  static Map<String, Integer> runningByNode(LabHost manager, String service) {
    Map<String, Integer> out = new TreeMap<>();
    for (Task t : tasks(manager, service)) {
      if (t.desired().equals("Running") && t.state().equals("Running")) {
        out.merge(t.node(), 1, Integer::sum);
      }
    }
    return out;
  }

  static int running(LabHost manager, String service) {
    return runningByNode(manager, service).values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The service's containers on {@code h}: name and state, running or not. */
  static List<String> containers(LabHost h, String service) {
    String out = ok(h, "ps", "-a", "--filter", "label=com.docker.swarm.service.name=" + service,
        "--format", "{{.Names}} {{.State}}").strip();
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }

  static long runningContainers(LabHost h, String service) {
    return containers(h, service).stream().filter(c -> c.endsWith(" running")).count();
  }
}
