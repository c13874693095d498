package shoal.bench;

import static shoal.bench.LabSteps.CLI;
import static shoal.bench.LabSteps.await;
import static shoal.bench.LabSteps.docker;
import static shoal.bench.LabSteps.ok;
import static shoal.bench.LabSteps.since;
import static shoal.bench.LabSteps.sleep;
import static shoal.bench.LabSteps.time;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import shoal.lab.Lab;
import shoal.lab.LabHost;

/**
 * The swarm's control plane on a 3-host lab: {@code swarm init} (first in a fresh daemon, and again
 * in a warm one), one worker's join until it is Ready in the manager's {@code node ls}, a worker's
 * crash until it is Down, and a leader's crash until a new leader shows and accepts writes. The
 * baseline is the daemon's own start (kill, start, first {@code /_ping}), measured in the same run;
 * Docker's figures on the same kind of lab are printed beside them.
 */
final class SwarmBench {

  /** Docker 20.10 on the namespace lab (reference/docker-lab/REPORT.md). */
  private static final double DOCKER_INIT = 0.55;
  private static final double DOCKER_JOIN_READY = 0.17;
  private static final double DOCKER_DOWN = 12.2;

  private SwarmBench() {}

  static void run(List<String> shoald, int rounds) throws Exception {
    Stats start = new Stats("shoald start → /_ping (baseline)", "s");
    Stats initCold = new Stats("swarm init, first in a fresh daemon", "s");
    Stats initWarm = new Stats("swarm init, again after leave --force", "s");
    Stats joinCli = new Stats("swarm join (worker), CLI wall", "s");
    Stats joinReady = new Stats("join → Ready in the manager's node ls", "s");
    Stats down = new Stats("kill -9 of a worker's daemon → Down", "s");
    Stats back = new Stats("restarted worker answers → Ready", "s");
    Stats leader = new Stats("kill -9 of the leader → new Leader in node ls", "s");
    Stats write = new Stats("kill -9 of the leader → a write succeeds", "s");
    String name = "sb" + ProcessHandle.current().pid() % 10000;
    Lab lab = Lab.up(name, 3, Lab.DEFAULT_SUBNET, shoald, ProcessHandle.current().pid());
    try {
      LabHost h1 = lab.host("h1");
      LabHost h2 = lab.host("h2");
      LabHost h3 = lab.host("h3");
      for (int i = 0; i < rounds; i++) {
        h1.daemon().stop();
        start.add(time(() -> h1.daemon().start()));
        initCold.add(time(() -> ok(h1, "swarm", "init", "--advertise-addr", h1.address())));
        ok(h1, "swarm", "leave", "--force");
        initWarm.add(time(() -> ok(h1, "swarm", "init", "--advertise-addr", h1.address())));
        String token = ok(h1, "swarm", "join-token", "-q", "worker").strip();
        long t0 = System.nanoTime();
        ok(h2, "swarm", "join", "--token", token, h1.address() + ":2377");
        joinCli.add(since(t0));
        await(() -> status(h1, "h2").equals("Ready"));
        joinReady.add(since(t0));
        ok(h2, "swarm", "leave");
        await(() -> status(h1, "h2").equals("Down"));
        ok(h1, "node", "rm", "h2");
        ok(h1, "swarm", "leave", "--force");
      }
      ok(h1, "swarm", "init", "--advertise-addr", h1.address());
      ok(h2, "swarm", "join", "--token", ok(h1, "swarm", "join-token", "-q", "worker").strip(), h1.address() + ":2377");
      await(() -> status(h1, "h2").equals("Ready"));
      for (int i = 0; i < rounds; i++) {
        h2.daemon().kill9();
        long t1 = System.nanoTime();
        await(() -> status(h1, "h2").equals("Down"));
        down.add(since(t1));
        h2.daemon().start();
        long t2 = System.nanoTime();
        await(() -> status(h1, "h2").equals("Ready"));
        back.add(since(t2));
      }
      ok(h2, "swarm", "leave");
      ok(h1, "swarm", "leave", "--force");
      failovers(h1, h2, h3, rounds, leader, write);
    } finally {
      Lab.down(name);
    }
    for (Stats s : List.of(start, initCold, initWarm, joinCli, joinReady, down, back, leader, write)) {
      System.out.println(s.line());
    }
    System.out.println(Stats.ratio("init (warm) / daemon start", initWarm, start));
    System.out.println(Stats.ratio("join → Ready / daemon start", joinReady, start));
    System.out.println(Stats.ratio("failover (write) / daemon start", write, start));
    System.out.printf("%-48s %.2f × Docker's %.2f s (target ≤ 0.5)%n", "init (warm) vs Docker", initWarm.median() / DOCKER_INIT, DOCKER_INIT);
    System.out.printf("%-48s %.2f × Docker's %.2f s (target ≤ 0.5)%n", "join → Ready vs Docker", joinReady.median() / DOCKER_JOIN_READY, DOCKER_JOIN_READY);
    System.out.printf("%-48s %.2f × Docker's %.1f s (target ≤ 3 s)%n", "worker Down vs Docker", down.median() / DOCKER_DOWN, DOCKER_DOWN);
  }

  /** Three managers; each round kills the leader's daemon, then brings it back as a follower. */
  private static void failovers(LabHost h1, LabHost h2, LabHost h3, int rounds, Stats leader, Stats write) throws Exception {
    List<LabHost> all = List.of(h1, h2, h3);
    ok(h1, "swarm", "init", "--advertise-addr", h1.address());
    String token = ok(h1, "swarm", "join-token", "-q", "manager").strip();
    ok(h2, "swarm", "join", "--token", token, h1.address() + ":2377");
    ok(h3, "swarm", "join", "--token", token, h1.address() + ":2377");
    await(() -> allHealthy(h1));
    for (int i = 0; i < rounds; i++) {
      String leaderName = leaderName(h1);
      LabHost old = all.stream().filter(h -> h.name().equals(leaderName)).findFirst().orElseThrow();
      LabHost survivor = all.stream().filter(h -> h != old).findFirst().orElseThrow();
      String label = "round=" + i;
      old.daemon().kill9();
      long t0 = System.nanoTime();
      CompletableFuture<Double> wrote = CompletableFuture.supplyAsync(() -> {
        while (!docker(survivor, "node", "update", "--label-add", label, survivor.name()).ok()) {
          sleep(50);
        }
        return since(t0);
      });
      await(() -> {
        String now = leaderName(survivor);
        return !now.isEmpty() && !now.equals(old.name());
      });
      leader.add(since(t0));
      write.add(wrote.get());
      old.daemon().start();
      await(() -> allHealthy(survivor));
    }
  }

  private static boolean allHealthy(LabHost on) {
    String s = ok(on, "node", "ls", "--format", "{{.Status}} {{.ManagerStatus}}");
    return s.strip().lines().count() == 3 && s.strip().lines().allMatch(l -> l.equals("Ready Leader") || l.equals("Ready Reachable"));
  }

  private static String status(LabHost on, String host) {
    return ok(on, "node", "ls", "--filter", "name=" + host, "--format", "{{.Status}}").strip();
  }

  private static String leaderName(LabHost on) {
    return ok(on, "node", "ls", "--format", "{{.Hostname}} {{.ManagerStatus}}").lines()
        .filter(l -> l.endsWith(" Leader")).map(l -> l.substring(0, l.indexOf(' '))).findFirst().orElse("");
  }
}
