package shoal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import shoal.common.CommandResult;
import shoal.lab.LabHost;

/** The stock docker CLI driving a swarm of lab hosts. */
final class SwarmLab {
  static final Duration CLI_TIMEOUT = Duration.ofSeconds(60);

  private SwarmLab() {}

  static CommandResult docker(LabHost h, String... args) {
    return h.daemon().docker(CLI_TIMEOUT, args);
  }

  /** Runs docker on {@code h}, requires success, returns stdout. */
  static String ok(LabHost h, String... args) {
    CommandResult r = docker(h, args);
    assertThat(r.ok()).as("docker %s on %s: %s", String.join(" ", args), h.name(), r.failure()).isTrue();
    return r.stdout();
  }

  /** {@code swarm init} on {@code h} advertising its LAN address; returns the worker token. */
  static String init(LabHost h) {
    ok(h, "swarm", "init", "--advertise-addr", h.address());
    return token(h, "worker");
  }

  static String token(LabHost manager, String role) {
    return ok(manager, "swarm", "join-token", "-q", role).strip();
  }

  static String join(LabHost h, String token, LabHost manager) {
    return ok(h, "swarm", "join", "--token", token, manager.address() + ":2377").strip();
  }

  static String nodeId(LabHost h) {
    return ok(h, "info", "-f", "{{.Swarm.NodeID}}").strip();
  }

  /** One row of {@code node ls}. */
  record Row(String id, boolean self, String hostname, String status, String availability, String managerStatus) {}

  /** {@code node ls} on {@code h}, by hostname. */
  static Map<String, Row> nodeLs(LabHost h) {
    String out = ok(h, "node", "ls", "--format",
        "{{.ID}}|{{.Self}}|{{.Hostname}}|{{.Status}}|{{.Availability}}|{{.ManagerStatus}}");
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String line : out.strip().split("\n")) {
      String[] f = line.split("\\|", -1);
      rows.put(f[2], new Row(f[0], f[1].equals("true"), f[2], f[3], f[4], f[5]));
    }
    return rows;
  }

  /** Waits until {@code condition} holds (at most {@code timeout}); returns how long it took. */
  static Duration await(String what, Duration timeout, Supplier<Boolean> condition) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    List<String> errors = new ArrayList<>();
    while (true) {
      try {
        if (condition.get()) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
      } catch (AssertionError | RuntimeException e) {
        errors.add(e.getMessage());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what
            + (errors.isEmpty() ? "" : " (last error: " + errors.getLast() + ")"));
      }
      Thread.sleep(100);
    }
  }
}
