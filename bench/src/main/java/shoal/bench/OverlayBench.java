package shoal.bench;

import static shoal.bench.LabSteps.CLI;
import static shoal.bench.LabSteps.await;
import static shoal.bench.LabSteps.check;
import static shoal.bench.LabSteps.ok;
import static shoal.bench.LabSteps.sleep;
import static shoal.bench.LabSteps.time;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shoal.common.CommandResult;
import shoal.lab.Lab;
import shoal.lab.LabHost;

/**
 * The overlay's kernel path on a 2-host lab swarm: iperf3 TCP throughput and ping RTT from a
 * container on h1 to a container on h2 over an overlay network, against host to host on the lab's
 * LAN (the baseline, measured in the same run); and the time from a task's Running (as the
 * manager records it) to its address answering a container on the other host. The hand-wired
 * kernel VXLAN of the reference ({@link HandBuiltVxlan}) runs in the same hosts as the limit.
 *
 * <p>iperf3 and ping run from the hosts' Debian packages inside the containers' network
 * namespaces ({@code ip netns exec shoal-<id>}), so that the path measured is exactly the
 * containers' (veth, sandbox bridge, VXLAN, LAN).
 */
final class OverlayBench {
  private static final Pattern BITRATE = Pattern.compile("([\\d.]+) Gbits/sec.*receiver");
  private static final Pattern BITRATE_M = Pattern.compile("([\\d.]+) Mbits/sec.*receiver");
  private static final Pattern RTT = Pattern.compile("= [\\d.]+/([\\d.]+)/");

  private OverlayBench() {}

  static void run(List<String> shoald, int rounds) throws Exception {
    Stats overlayTcp = new Stats("iperf3 TCP container→container, overlay", "Gbit/s");
    Stats lanTcp = new Stats("iperf3 TCP host→host, LAN (baseline)", "Gbit/s");
    Stats overlayRtt = new Stats("ping RTT container→container, overlay", "ms");
    Stats lanRtt = new Stats("ping RTT host→host, LAN (baseline)", "ms");
    Stats handTcp = new Stats("iperf3 TCP, hand-built kernel VXLAN (limit)", "Gbit/s");
    Stats handRtt = new Stats("ping RTT, hand-built kernel VXLAN (limit)", "ms");
    Stats reach = new Stats("task Running → answers from the other host", "s");
    String name = "ovb" + ProcessHandle.current().pid() % 10000;
    Lab lab = Lab.up(name, 2, "192.168.79.0/24", shoald, ProcessHandle.current().pid());
    try {
      LabHost h1 = lab.host("h1");
      LabHost h2 = lab.host("h2");
      ok(h1, "swarm", "init", "--advertise-addr", h1.address());
      ok(h2, "swarm", "join", "--token", ok(h1, "swarm", "join-token", "-q", "worker").strip(), h1.address() + ":2377");
      await(() -> ok(h1, "node", "ls", "--format", "{{.Status}}").strip().lines().filter("Ready"::equals).count() == 2);
      ok(h1, "network", "create", "-d", "overlay", "--attachable", "bench");
      String c1 = ok(h1, "run", "-d", "--network", "bench", "busybox", "sleep", "1d").strip();
      String c2 = ok(h2, "run", "-d", "--network", "bench", "busybox", "sleep", "1d").strip();
      String ip2 = ok(h2, "inspect", "-f", "{{(index .NetworkSettings.Networks \"bench\").IPAddress}}", c2).strip();
      String ns1 = "shoal-" + c1.substring(0, 12);
      String ns2 = "shoal-" + c2.substring(0, 12);
      try (HandBuiltVxlan hand = HandBuiltVxlan.between(h1, h2)) {
        String handIp = HandBuiltVxlan.addressOf(1);
        for (int i = 0; i < rounds; i++) {
          overlayTcp.add(iperf(h1, ns1, h2, ns2, ip2));
          handTcp.add(iperf(h1, HandBuiltVxlan.CONTAINER, h2, HandBuiltVxlan.CONTAINER, handIp));
          lanTcp.add(iperf(h1, null, h2, null, h2.address()));
          overlayRtt.add(rtt(h1, ns1, ip2));
          handRtt.add(rtt(h1, HandBuiltVxlan.CONTAINER, handIp));
          lanRtt.add(rtt(h1, null, h2.address()));
        }
      }
      for (int i = 0; i < rounds; i++) {
        reach.add(timeToReach(h1, ns1, h2, "reach" + i));
      }
    } finally {
      Lab.down(name);
    }
    for (Stats s : List.of(overlayTcp, handTcp, lanTcp, overlayRtt, handRtt, lanRtt, reach)) {
      System.out.println(s.line());
    }
    System.out.println(Stats.ratio("overlay / LAN throughput", overlayTcp, lanTcp));
    System.out.println(Stats.ratio("overlay / hand-built throughput (target ≥ 0.95)", overlayTcp, handTcp));
    System.out.println(Stats.ratio("overlay / LAN RTT", overlayRtt, lanRtt));
    System.out.println(Stats.ratio("overlay / hand-built RTT", overlayRtt, handRtt));
    System.out.printf("%-48s %s%n", "target: throughput ≥ 0.95 × hand-built",
        overlayTcp.median() >= 0.95 * handTcp.median() ? "met" : "NOT met");
    System.out.printf("%-48s %s%n", "target: Running → reachable ≤ 0.1 s", reach.median() <= 0.1 ? "met" : "NOT met");
  }

  /** Gbit/s of one 5 s TCP stream from {@code from} (a namespace of h1, or the host) to h2. */
  private static double iperf(LabHost from, String fromNs, LabHost to, String toNs, String address) {
    check(to.host().exec(List.of(wrap(toNs, "iperf3", "-s", "-1", "-D")), CLI));
    sleep(300);
    CommandResult r = from.host().exec(List.of(wrap(fromNs, "iperf3", "-c", address, "-t", "5")), CLI);
    check(r);
    Matcher g = BITRATE.matcher(r.stdout());
    if (g.find()) {
      return Double.parseDouble(g.group(1));
    }
    Matcher m = BITRATE_M.matcher(r.stdout());
    if (m.find()) {
      return Double.parseDouble(m.group(1)) / 1000;
    }
    throw new IllegalStateException("no bitrate in iperf3's output: " + r.stdout());
  }

  /** Average RTT in ms of 20 pings 50 ms apart. */
  private static double rtt(LabHost from, String fromNs, String address) {
    CommandResult r = from.host().exec(List.of(wrap(fromNs, "ping", "-c", "20", "-i", "0.05", "-q", address)), CLI);
    check(r);
    Matcher m = RTT.matcher(r.stdout());
    if (!m.find()) {
      throw new IllegalStateException("no RTT in ping's output: " + r.stdout());
    }
    return Double.parseDouble(m.group(1));
  }

  /**
   * A service with one task on h2: from the moment the manager records it Running to the first
   * answer to a ping from h1's container (negative when it answered before Running was recorded).
   */
  private static double timeToReach(LabHost h1, String ns1, LabHost h2, String svc) throws Exception {
    ok(h1, "service", "create", "-d", "--no-resolve-image", "--name", svc, "--network", "bench",
        "--constraint", "node.hostname==" + h2.name(), "busybox", "sleep", "1d");
    String[] address = new String[1];
    await(() -> {
      String a = ok(h1, "service", "ps", "-q", svc).strip();
      if (a.isEmpty()) {
        return false;
      }
      address[0] = ok(h1, "inspect", "-f", "{{range .NetworksAttachments}}{{join .Addresses \",\"}}{{end}}", a.lines().findFirst().get()).strip();
      return !address[0].isEmpty();
    });
    String ip = address[0].split("/")[0];
    AtomicLong answered = new AtomicLong();
    Thread pinger = Thread.ofVirtual().start(() -> {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        if (h1.host().exec(List.of(wrap(ns1, "ping", "-c", "1", "-W", "0.2", ip)), CLI).ok()) {
          answered.set(System.nanoTime());
          return;
        }
      }
    });
    await(() -> ok(h1, "service", "ps", "--format", "{{.CurrentState}}", svc).startsWith("Running"));
    long running = System.nanoTime();
    pinger.join(Duration.ofSeconds(70));
    if (answered.get() == 0) {
      throw new IllegalStateException("task of " + svc + " at " + ip + " never answered");
    }
    ok(h1, "service", "rm", svc);
    return (answered.get() - running) / 1e9;
  }

  private static String[] wrap(String ns, String... argv) {
    if (ns == null) {
      return argv;
    }
    String[] all = new String[argv.length + 4];
    all[0] = "ip";
    all[1] = "netns";
    all[2] = "exec";
    all[3] = ns;
    System.arraycopy(argv, 0, all, 4, argv.length);
    return all;
  }
}
