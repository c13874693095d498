package shoal.lab.cli;

import java.time.Duration;
import java.util.List;
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

  /** One printed step: a command run on a host, or a heading. */
  private record Step(String host, String command) {
    static Step heading(String text) {
      return new Step(null, text);
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
      new Step("h3", "shoal exec web-h3 wget -qO- http://192.168.77.11:8080/"));

  @Override
  public Integer call() throws Exception {
    System.out.println("$ shoal lab up --name " + lab.name + " --nodes 3");
    Lab l = Lab.up(lab.name, Lab.DEFAULT_NODES, Lab.DEFAULT_SUBNET, LabOptions.daemonCommand(), 0);
    LabUp.printTable(l);
    for (Step s : SCENARIO) {
      if (s.host() == null) {
        System.out.println();
        System.out.println("== " + s.command());
        continue;
      }
      System.out.println();
      System.out.println("[" + s.host() + "]$ " + s.command());
      CommandResult r = l.host(s.host()).host().exec(
          List.of("env", "SHOAL_HOST=unix:///run/shoal.sock", "DOCKER_HOST=unix:///run/shoal.sock",
              "bash", "-c", s.command()),
          STEP_TIMEOUT);
      System.out.print(r.stdout());
      System.err.print(r.stderr());
      if (!r.ok()) {
        System.out.println();
        System.out.println("The demo stopped: this step failed (exit " + r.exitCode() + "). The lab is left up to look at.");
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
