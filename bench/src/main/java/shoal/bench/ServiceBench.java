package shoal.bench;

import static shoal.bench.LabSteps.CLI;
import static shoal.bench.LabSteps.await;
import static shoal.bench.LabSteps.docker;
import static shoal.bench.LabSteps.ok;
import static shoal.bench.LabSteps.since;
import static shoal.bench.LabSteps.sleep;
import static shoal.bench.LabSteps.time;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import shoal.common.CommandResult;
import shoal.lab.Lab;
import shoal.lab.LabHost;

/**
 * Services on a 3-host lab: {@code service create --replicas 3} until all three tasks run, scale
 * 3 → 30 until all run and 30 → 3 until the 27 are gone, and a worker's daemon killed until its
 * task runs elsewhere. "Running" is the manager's task state, polled through the Engine API every
 * 20 ms, as the reference measured Docker. The baseline, measured in the same run, is one {@code
 * docker run -d} on the manager (CLI wall): a container created and started by hand.
 */
final class ServiceBench {

  /** Docker 20.10 on the namespace lab (reference/docker-lab/REPORT.md, DESIGN.md §9). */
  private static final double DOCKER_CREATE = 0.81;
  private static final double DOCKER_SCALE_UP = 5.3;
  private static final double DOCKER_SCALE_DOWN = 9.0;
  private static final double DOCKER_KILLED = 17.7;

  /** Stops at once on SIGTERM, so that scaling down measures the swarm, not a grace period. */
  private static final String[] TASK = {"busybox", "sh", "-c", "trap 'exit 0' TERM; sleep 1d & wait"};

  private ServiceBench() {}

  static void run(List<String> shoald, int rounds) throws Exception {
    Stats baseline = new Stats("docker run -d (one container, baseline)", "s");
    Stats create = new Stats("service create --replicas 3 → 3 Running", "s");
    Stats createCli = new Stats("service create -d, CLI wall", "s");
    Stats up = new Stats("scale 3 → 30 → 30 Running", "s");
    Stats down = new Stats("scale 30 → 3 → 27 tasks removed", "s");
    Stats gone = new Stats("scale 30 → 3 → their containers removed", "s");
    Stats nodeDown = new Stats("kill -9 of a worker → node Down", "s");
    Stats moved = new Stats("kill -9 → replacement Running (delay 5 s)", "s");
    Stats movedNoDelay = new Stats("kill -9 → replacement Running (delay 0 s)", "s");
    String name = "svb" + ProcessHandle.current().pid() % 10000;
    Lab lab = Lab.up(name, 3, Lab.DEFAULT_SUBNET, shoald, ProcessHandle.current().pid());
    try {
      LabHost h1 = lab.host("h1");
      ok(h1, "swarm", "init", "--advertise-addr", h1.address());
      String token = ok(h1, "swarm", "join-token", "-q", "worker").strip();
      for (String h : List.of("h2", "h3")) {
        ok(lab.host(h), "swarm", "join", "--token", token, h1.address() + ":2377");
      }
      await(() -> ok(h1, "node", "ls", "--format", "{{.Status}}").strip().lines().filter("Ready"::equals).count() == 3);
      for (int i = 0; i < rounds; i++) {
        String c = "base" + i;
        baseline.add(time(() -> ok(h1, "run", "-d", "--name", c, "busybox", "sleep", "1d")));
        ok(h1, "rm", "-f", c);

        String svc = "web" + i;
        long t0 = System.nanoTime();
        ok(h1, cmd("service", "create", "-d", "--no-resolve-image", "--name", svc, "--replicas", "3"));
        createCli.add(since(t0));
        await(() -> running(h1, svc) == 3);
        create.add(since(t0));

        long t1 = System.nanoTime();
        ok(h1, "service", "scale", "-d", svc + "=30");
        await(() -> running(h1, svc) == 30);
        up.add(since(t1));
        long t2 = System.nanoTime();
        ok(h1, "service", "scale", "-d", svc + "=3");
        await(() -> tasks(h1, svc) == 3);
        down.add(since(t2));
        await(() -> lab.hosts().stream().mapToLong(h -> containers(h, svc)).sum() == 3);
        gone.add(since(t2));
        ok(h1, "service", "rm", svc);
      }
      for (int i = 0; i < rounds; i++) {
        killWorker(lab, "kill" + i, "5s", nodeDown, moved);
        killWorker(lab, "fast" + i, "0s", nodeDown, movedNoDelay);
      }
    } finally {
      Lab.down(name);
    }
    for (Stats s : List.of(baseline, createCli, create, up, down, gone, nodeDown, moved, movedNoDelay)) {
      System.out.println(s.line());
    }
    System.out.println(Stats.ratio("create → Running / docker run", create, baseline));
    System.out.println(Stats.ratio("scale up → Running / docker run", up, baseline));
    System.out.println(Stats.ratio("scale down → removed / docker run", down, baseline));
    System.out.printf("%-48s %.2f × Docker's %.2f s (target ≤ 0.4 s)%n", "create → 3 Running vs Docker", create.median() / DOCKER_CREATE, DOCKER_CREATE);
    System.out.printf("%-48s %.2f × Docker's %.1f s (target ≤ 2.5 s)%n", "scale 3 → 30 Running vs Docker", up.median() / DOCKER_SCALE_UP, DOCKER_SCALE_UP);
    System.out.printf("%-48s %.2f × Docker's %.1f s (target ≤ 2 s)%n", "scale 30 → 3 removed vs Docker", down.median() / DOCKER_SCALE_DOWN, DOCKER_SCALE_DOWN);
    System.out.printf("%-48s %.2f × Docker's %.1f s (target ≤ 5 s)%n", "worker killed → Running elsewhere vs Docker", moved.median() / DOCKER_KILLED, DOCKER_KILLED);
  }

  /**
   * A service with one task per node; h3's daemon is killed; waits until h3 is Down and until the
   * three tasks run on h1 and h2. Then h3 comes back and the service goes.
   */
  private static void killWorker(Lab lab, String svc, String delay, Stats nodeDown, Stats moved) throws Exception {
    LabHost h1 = lab.host("h1");
    LabHost h3 = lab.host("h3");
    ok(h1, "service", "create", "-d", "--no-resolve-image", "--name", svc, "--replicas", "3",
        "--restart-delay", delay, "--stop-grace-period", "1s", "busybox", "sleep", "1d");
    String h3Id = ok(h3, "info", "-f", "{{.Swarm.NodeID}}").strip();
    await(() -> running(h1, svc) == 3 && running(h1, svc, h3Id) == 2);
    h3.daemon().kill9();
    long t0 = System.nanoTime();
    await(() -> ok(h1, "node", "ls", "--filter", "name=h3", "--format", "{{.Status}}").strip().equals("Down"));
    nodeDown.add(since(t0));
    await(() -> running(h1, svc, h3Id) == 3);
    moved.add(since(t0));
    h3.daemon().start();
    await(() -> ok(h1, "node", "ls", "--filter", "name=h3", "--format", "{{.Status}}").strip().equals("Ready"));
    ok(h1, "service", "rm", svc);
    await(() -> lab.hosts().stream().mapToLong(h -> containers(h, svc)).sum() == 0);
  }

  private static String[] cmd(String... head) {
    String[] all = new String[head.length + TASK.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(TASK, 0, all, head.length, TASK.length);
    return all;
  }

  /** The service's tasks as {@code GET /tasks} has them (JSON text). */
  private static String taskJson(LabHost h, String service) {
    String filter = URLEncoder.encode("{\"service\":{\"" + service + "\":true}}", StandardCharsets.UTF_8);
    CommandResult r = h.daemon().api("GET", "/tasks?filters=" + filter);
    if (!r.ok()) {
      throw new IllegalStateException(r.failure());
    }
    return r.stdout();
  }

  /** Tasks wanted running that run (counted in the JSON text: cheap, and enough here). */
  private static int running(LabHost h, String service) {
    return running(h, service, "-");
  }

  /** Tasks wanted running that run on another node than {@code notOn}, in one snapshot. */
  private static int running(LabHost h, String service, String notOn) {
    String json = taskJson(h, service);
    int n = 0;
    for (String task : json.split("\\{\"ID\":")) {
      if (task.contains("\"State\":\"running\"") && task.contains("\"DesiredState\":\"running\"")
          && !task.contains("\"NodeID\":\"" + notOn + "\"")) {
        n++;
      }
    }
    return n;
  }

  private static int tasks(LabHost h, String service) {
    return taskJson(h, service).split("\"ServiceID\"", -1).length - 1;
  }

  private static long containers(LabHost h, String service) {
    return ok(h, "ps", "-aq", "--filter", "label=com.docker.swarm.service.name=" + service).strip().lines().count();
  }
}
