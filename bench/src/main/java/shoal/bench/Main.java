package shoal.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code make bench [BENCH=name]}: runs benchmarks of the installed build and prints, for each,
 * its figures and ratios to a baseline measured in the same run (this machine is shared and noisy,
 * so absolute figures move; ratios move less).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    List<String> which = args.length == 0 ? List.of("lab") : Arrays.asList(args);
    List<String> shoald = List.of(System.getProperty("shoal.bench.shoald", "/usr/local/bin/shoald").trim().split("\\s+"));
    for (String b : which) {
      System.out.println("== " + b);
      switch (b) {
        case "lab" -> LabBench.run(shoald, 3);
        case "containers" -> ContainerBench.run(shoald, 10);
        case "swarm" -> SwarmBench.run(shoald, 5);
        case "heartbeat" -> HeartbeatBench.run(shoald, Duration.ofMinutes(3));
        case "services" -> ServiceBench.run(shoald, 3);
        case "overlay" -> OverlayBench.run(shoald, 3);
        default -> throw new IllegalArgumentException("unknown benchmark " + b + " (known: lab, containers, swarm, heartbeat, services, overlay)");
      }
    }
  }
}
