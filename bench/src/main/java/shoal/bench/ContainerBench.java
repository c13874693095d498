package shoal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import shoal.common.CommandResult;
import shoal.common.Commands;
import shoal.lab.DaemonHost;
import shoal.lab.VirtualHost;

/**
 * Containers on one daemon, driven by the stock docker CLI:
 *
 * <ul>
 *   <li>{@code docker run --rm busybox true} end to end, against the same container run by
 *       {@code runc run} alone in the same host (the floor any runtime pays);
 *   <li>{@code docker start} of a container on a user bridge, against one without network;
 *   <li>the daemon's RSS idle and with 20 running containers, and what each container's
 *       supervision (its wrapper shell and foreground runc) costs.
 * </ul>
 */
final class ContainerBench {
  private static final int CONTAINERS = 20;

  private ContainerBench() {}

  static void run(List<String> shoald, int rounds) throws Exception {
    String name = "cbench" + ProcessHandle.current().pid() % 10000;
    Path dir = Files.createTempDirectory("shoal-bench");
    try (VirtualHost vh = VirtualHost.create(name, "cbench", dir.resolve("host"))) {
      DaemonHost d = new DaemonHost(vh, shoald);
      d.start();
      runRm(d, rounds);
      startOnUserBridge(d, rounds);
      memory(d);
    } finally {
      Commands.run(List.of("rm", "-rf", "--one-file-system", dir.toString()));
    }
  }

  private static void runRm(DaemonHost d, int rounds) {
    Stats shoal = new Stats("docker run --rm busybox true", "s");
    Stats none = new Stats("docker run --rm --network none busybox true", "s");
    Stats runc = new Stats("runc run (same host, no daemon, no network)", "s");
    ok(d, "run", "--rm", "busybox", "true");
    for (int i = 0; i < rounds; i++) {
      shoal.add(timed(() -> ok(d, "run", "--rm", "busybox", "true")));
      none.add(timed(() -> ok(d, "run", "--rm", "--network", "none", "busybox", "true")));
    }
    // The same busybox in a bare bundle, timed inside the host so that no nsenter is counted.
    String script = String.join("\n",
        "set -e; B=/tmp/bench-bundle; rm -rf $B; mkdir -p $B/rootfs/bin $B/rootfs/proc $B/rootfs/dev $B/rootfs/sys",
        "cp /bin/busybox $B/rootfs/bin/; cd $B; runc spec",
        "jq '.process.terminal=false | .process.args=[\"/bin/busybox\",\"true\"] | .linux.cgroupsPath=\"/shoal-bench/b\"'"
            + " config.json > c && mv c config.json",
        "runc --root /run/bench-runc run --bundle $B bench </dev/null",
        "i=0; while [ $i -lt " + rounds + " ]; do i=$((i+1)); s=$(date +%s%N);"
            + " runc --root /run/bench-runc run --bundle $B bench </dev/null; e=$(date +%s%N); echo $((e-s)); done",
        "rm -rf $B");
    CommandResult r = d.host().exec(List.of("sh", "-c", script), Duration.ofMinutes(2));
    if (!r.ok()) {
      throw new IllegalStateException("runc baseline failed: " + r.failure());
    }
    r.stdout().lines().filter(l -> l.matches("\\d+")).forEach(l -> runc.add(Long.parseLong(l) / 1e9));
    d.host().exec("sh", "-c", "for c in /sys/fs/cgroup/*/shoal-bench; do rmdir $c 2>/dev/null; done; true");
    System.out.println(shoal.line());
    System.out.println(none.line());
    System.out.println(runc.line());
    System.out.println(Stats.ratio("run --rm / runc run", shoal, runc));
    System.out.println(Stats.ratio("run --rm (bridge) / run --rm (no network)", shoal, none));
  }

  private static void startOnUserBridge(DaemonHost d, int rounds) {
    Stats bridge = new Stats("docker start (user bridge)", "s");
    Stats none = new Stats("docker start (no network)", "s");
    ok(d, "network", "create", "benchnet");
    for (int i = 0; i < rounds; i++) {
      ok(d, "create", "--name", "onbridge", "--network", "benchnet", "busybox", "sleep", "600");
      ok(d, "create", "--name", "nonet", "--network", "none", "busybox", "sleep", "600");
      bridge.add(timed(() -> ok(d, "start", "onbridge")));
      none.add(timed(() -> ok(d, "start", "nonet")));
      ok(d, "rm", "-f", "onbridge", "nonet");
    }
    ok(d, "network", "rm", "benchnet");
    System.out.println(bridge.line());
    System.out.println(none.line());
    System.out.println(Stats.ratio("start on a user bridge / without network", bridge, none));
  }

  private static void memory(DaemonHost d) throws Exception {
    long pid = d.daemonProcess().orElseThrow().pid();
    Thread.sleep(2000);
    double idle = rssMiB(pid);
    for (int i = 0; i < CONTAINERS; i++) {
      ok(d, "run", "-d", "--name", "mem" + i, "busybox", "sleep", "600");
    }
    Thread.sleep(2000);
    double busy = rssMiB(pid);
    String sup = d.host().exec("sh", "-c",
        "t=0; for p in $(pgrep -f shoal-wrappe[r]) $(pgrep -x runc); do"
            + " r=$(awk '/VmRSS/{print $2}' /proc/$p/status); t=$((t+r)); done; echo $t").stdout().strip();
    double supervisionMiB = Long.parseLong(sup) / 1024.0;
    for (int i = 0; i < CONTAINERS; i++) {
      ok(d, "rm", "-f", "mem" + i);
    }
    System.out.printf("%-48s %8.1f MiB%n", "shoald RSS, idle", idle);
    System.out.printf("%-48s %8.1f MiB (%.2f × idle)%n", "shoald RSS, " + CONTAINERS + " containers running", busy,
        busy / idle);
    System.out.printf("%-48s %8.1f MiB (%.1f MiB each)%n", "wrappers + foreground runc of " + CONTAINERS,
        supervisionMiB, supervisionMiB / CONTAINERS);
    System.out.printf("%-48s %s%n", "target: idle RSS ≤ Docker's 120 MiB (dockerd + containerd)",
        idle <= 120 ? "met" : "NOT met");
  }

  private static double rssMiB(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }

  private static double timed(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return (System.nanoTime() - t0) / 1e9;
  }

  private static CommandResult ok(DaemonHost d, String... args) {
    CommandResult r = d.docker(Duration.ofSeconds(60), args);
    if (!r.ok()) {
      throw new IllegalStateException(r.failure() + "\n" + d.log());
    }
    return r;
  }
}
