package shoal.lab.cli;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import shoal.common.CommandResult;
import shoal.lab.Lab;

/**
 * {@code shoal lab demo}: brings up a 3-host lab and walks the user's journey of DESIGN.md §1 as
 * far as Shoal goes today, printing each command and its output, then leaves the lab up.
 */
@Command(name = "demo", description = "Bring up a 3-host lab and walk the demo scenario, printing each command and its output.")
final class LabDemo implements Callable<Integer> {
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

  @Mixin LabOptions lab;

  /**
   * One printed step: a command run on a host, or a heading. A step may keep its output (trimmed)
   * under a name that later commands use as {@code ${NAME}}, such as the join token; a step that
   * shows a refusal expects its command to fail.
   */
  private record Step(String host, String command, String keepAs, boolean refused) {
    Step(String host, String command) {
      this(host, command, null, false);
    }

    Step(String host, String command, String keepAs) {
      this(host, command, keepAs, false);
    }

    static Step heading(String text) {
      return new Step(null, text, null, false);
    }

    static Step refused(String host, String command) {
      return new Step(host, command, null, true);
    }
  }

  private static final List<Step> SCENARIO = List.of(
      Step.heading("1. Every host runs its own shoald with the default networks"),
      new Step("h1", "shoal version --format 'Client {{.Client.Version}}, server {{.Server.Version}} (API {{.Server.APIVersion}})'"),
      new Step("h1", "shoal network ls"),
      Step.heading("2. A container on each host, publishing port 8080"),
      new Step("h1", "shoal run -d --name web-h1 -p 8080:80 busybox sh -c 'echo hello from h1 > /tmp/index.html && exec httpd -f -p 80 -h /tmp'"),
      new Step("h2", "shoal run -d --name web-h2 -p 8080:80 busybox sh -c 'echo hello from h2 > /tmp/index.html && exec httpd -f -p 80 -h /tmp'"),
      new Step("h3", "shoal run -d --name web-h3 -p 8080:80 busybox sh -c 'echo hello from h3 > /tmp/index.html && exec httpd -f -p 80 -h /tmp'"),
      new Step("h2", "shoal ps"),
      Step.heading("3. Each host reaches the others over the LAN"),
      new Step("h1", "ping -c 1 -W 1 192.168.77.12 | head -2"),
      new Step("h1", "curl -s http://192.168.77.12:8080/ http://192.168.77.13:8080/"),
      new Step("h3", "shoal exec web-h3 wget -qO- http://192.168.77.11:8080/"),
      Step.heading("4. The hosts form a swarm: h1 manages, h2 and h3 join as workers"),
      new Step("h1", "shoal swarm init --advertise-addr 192.168.77.11"),
      new Step("h1", "shoal swarm join-token -q worker", "TOKEN"),
      new Step("h2", "shoal swarm join --token ${TOKEN} 192.168.77.11:2377"),
      new Step("h3", "shoal swarm join --token ${TOKEN} 192.168.77.11:2377"),
      new Step("h1", "shoal node ls"),
      Step.refused("h3", "shoal node ls"),
      Step.heading("5. An overlay network; workers see it only once they run something on it"),
      new Step("h1", "shoal network ls"),
      new Step("h1", "shoal network inspect ingress --format '{{.Name}}: scope {{.Scope}}, driver {{.Driver}}, "
          + "ingress {{.Ingress}}, attachable {{.Attachable}}, subnet {{(index .IPAM.Config 0).Subnet}}, "
          + "VXLAN ID {{index .Options \"com.docker.network.driver.overlay.vxlanid_list\"}}'"),
      new Step("h1", "shoal network create --driver overlay --attachable my-overlay"),
      new Step("h2", "shoal network ls --filter driver=overlay"),
      new Step("h1", "shoal service create --name my-service --replicas 3 --network my-overlay busybox sleep 1d"),
      new Step("h1", "shoal service ps my-service --format 'table {{.Name}}\\t{{.Node}}\\t{{.CurrentState}}'"),
      new Step("h2", "shoal network ls --filter driver=overlay"),
      Step.heading("6. Tasks on different hosts reach each other over VXLAN"),
      new Step("h3", "shoal inspect --format '{{(index .NetworkSettings.Networks \"my-overlay\").IPAddress}}' "
          + "$(shoal ps -q --filter label=com.docker.swarm.service.name=my-service)", "IP3"),
      new Step("h1", "shoal exec $(shoal ps -q --filter label=com.docker.swarm.service.name=my-service) "
          + "ping -c 3 ${IP3}"),
      new Step("h2", "shoal run -d --network my-overlay --name probe busybox sleep 1d"),
      new Step("h2", "shoal exec probe ping -c 2 ${IP3}"),
      new Step("h1", "shoal network inspect my-overlay --verbose --format '{{json .Peers}}'"));

  @Override
  public Integer call() throws Exception {
    System.out.println("$ shoal lab up --name " + lab.name + " --nodes 3");
    Lab l = Lab.up(lab.name, Lab.DEFAULT_NODES, Lab.DEFAULT_SUBNET, LabOptions.daemonCommand(), 0);
    LabUp.printTable(l);
    Map<String, String> kept = new HashMap<>();
    for (Step s : SCENARIO) {
      if (s.host() == null) {
        System.out.println();
        System.out.println("== " + s.command());
        continue;
      }
      String command = s.command();
      for (var k : kept.entrySet()) {
        command = command.replace("${" + k.getKey() + "}", k.getValue());
      }
      System.out.println();
      System.out.println("[" + s.host() + "]$ " + command);
      CommandResult r = l.host(s.host()).host().exec(
          List.of("env", "SHOAL_HOST=unix:///run/shoal.sock", "DOCKER_HOST=unix:///run/shoal.sock",
              "bash", "-c", command),
          STEP_TIMEOUT);
      if (s.keepAs() != null) {
        kept.put(s.keepAs(), r.stdout().strip());
      }
      System.out.print(r.stdout());
      System.err.print(r.stderr());
      if (r.ok() == s.refused()) {
        System.out.println();
        System.out.println("The demo stopped: this step " + (s.refused() ? "should have been refused" : "failed")
            + " (exit " + r.exitCode() + "). The lab is left up to look at.");
        return 1;
      }
    }
    System.out.println();
    System.out.println("The lab is up. Explore it: `shoal lab exec h1 -- shoal ps`, `shoal lab shell h2`,");
    System.out.println("or the docker CLI: `DOCKER_HOST=unix://" + l.host("h1").daemon().socket() + " docker ps`.");
    System.out.println("Take it down with `shoal lab down" + (lab.name.equals(Lab.DEFAULT_NAME) ? "" : " --name " + lab.name) + "`.");
    return 0;
  }
}
