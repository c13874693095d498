package shoal.bench;

import static shoal.bench.LabSteps.ok;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shoal.lab.Lab;
import shoal.lab.LabHost;

/**
 * Whether the default heartbeat period fits a loaded machine: a swarm of three daemons (a manager
 * and two workers) runs for a while with one busy loop per host on top of whatever else the
 * machine runs; the leader's dispatcher logs every late heartbeat and, each minute, the longest gap
 * it saw. The longest gap must stay well under the grace (Down after 3 periods), and no node may
 * turn Down.
 */
final class HeartbeatBench {
  private static final Pattern MINUTE = Pattern.compile(
      "heartbeats in the last (\\d+) s: (\\d+) from (\\d+) sessions, longest gap (\\d+) ms \\(period (\\d+) ms, Down after (\\d+) ms\\)");
  private static final Pattern LATE = Pattern.compile("late heartbeat from node \\S+: (\\d+) ms");

  private HeartbeatBench() {}

  static void run(List<String> shoald, Duration length) throws Exception {
    String name = "hb" + ProcessHandle.current().pid() % 10000;
    Lab lab = Lab.up(name, 3, Lab.DEFAULT_SUBNET, shoald, ProcessHandle.current().pid());
    try {
      LabHost h1 = lab.host("h1");
      ok(h1, "swarm", "init", "--advertise-addr", h1.address());
      String token = ok(h1, "swarm", "join-token", "-q", "worker").strip();
      for (LabHost h : List.of(lab.host("h2"), lab.host("h3"))) {
        ok(h, "swarm", "join", "--token", token, h1.address() + ":2377");
      }
      for (LabHost h : lab.hosts()) {
        h.host().spawn(List.of("sh", "-c", "while :; do :; done"), Map.of(), h.stateDir().resolve("busy.log"));
      }
      Thread.sleep(length.toMillis());
      String nodes = ok(h1, "node", "ls", "--format", "{{.Hostname}} {{.Status}}");
      String log = h1.daemon().log();
      List<Long> gaps = new ArrayList<>();
      long beats = 0;
      String policy = "";
      for (Matcher m = MINUTE.matcher(log); m.find(); ) {
        gaps.add(Long.parseLong(m.group(4)));
        beats += Long.parseLong(m.group(2));
        policy = "period " + m.group(5) + " ms, Down after " + m.group(6) + " ms";
      }
      List<Long> late = new ArrayList<>();
      for (Matcher m = LATE.matcher(log); m.find(); ) {
        late.add(Long.parseLong(m.group(1)));
      }
      long downs = log.lines().filter(l -> l.contains("nodes Down")).count();
      System.out.printf("%-48s %s%n", "run", length.toSeconds() + " s, 3 daemons, one busy loop per host, " + policy);
      System.out.printf("%-48s %d in %d minute reports%n", "heartbeats seen by the dispatcher", beats, gaps.size());
      System.out.printf("%-48s %s ms%n", "longest gap per minute", gaps);
      System.out.printf("%-48s %d %s%n", "late heartbeats (> 1.5 periods)", late.size(), late);
      System.out.printf("%-48s %d%n", "nodes declared Down", downs);
      System.out.printf("%-48s %s%n", "node ls at the end", nodes.strip().replace('\n', ','));
    } finally {
      Lab.down(name);
    }
  }
}
