package shoal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import shoal.lab.DaemonHost;
import shoal.lab.Lab;
import shoal.lab.VirtualHost;

/**
 * {@code lab up --nodes 3} until every daemon answers {@code /_ping}, and {@code lab down}; the
 * baseline is one shoald started in one bare virtual host, measured in the same run, so the ratio
 * tells how well the lab starts its daemons in parallel on this machine.
 */
final class LabBench {
  private LabBench() {}

  static void run(List<String> shoald, int rounds) throws Exception {
    Stats single = new Stats("one shoald start → /_ping", "s");
    Stats up = new Stats("lab up --nodes 3 → every /_ping", "s");
    Stats down = new Stats("lab down (3 hosts)", "s");
    String name = "bench" + ProcessHandle.current().pid() % 10000;
    Path dir = Files.createTempDirectory("shoal-bench");
    for (int i = 0; i < rounds; i++) {
      String ns = name + "-single";
      try (VirtualHost vh = VirtualHost.create(ns, "single", dir.resolve("single" + i))) {
        DaemonHost d = new DaemonHost(vh, shoald);
        long t0 = System.nanoTime();
        d.start();
        single.add((System.nanoTime() - t0) / 1e9);
      }
      long t0 = System.nanoTime();
      Lab.up(name, 3, Lab.DEFAULT_SUBNET, shoald, ProcessHandle.current().pid());
      up.add((System.nanoTime() - t0) / 1e9);
      long t1 = System.nanoTime();
      Lab.down(name);
      down.add((System.nanoTime() - t1) / 1e9);
    }
    System.out.println(single.line());
    System.out.println(up.line());
    System.out.println(down.line());
    System.out.println(Stats.ratio("lab up / one daemon start", up, single));
    System.out.printf("%-48s %s%n", "target: lab up under 5 s", up.median() < 5 ? "met" : "NOT met");
  }
}
