package shoal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import shoal.lab.Lab;
import shoal.lab.cli.LabCommand;
import shoal.lab.junit.TestHosts;

/**
 * `make demo` is Shoal's main job out of the box: the demo walks every step with the daemon under
 * test (and the installed shoal CLI inside the hosts, as a user has it after `make install`).
 */
@Tag("netns")
class LabDemoIT {
  @Test
  void theDemoWalksEveryStepAndLeavesTheLabUp() throws Exception {
    String name = "demo" + (ProcessHandle.current().pid() % 100000);
    System.setProperty("shoal.lab.shoald", String.join(" ", TestHosts.daemonCommand()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    PrintStream savedErr = System.err;
    int code;
    try {
      // Like a terminal: what the steps print on stderr (a refusal) lands between their stdout.
      PrintStream both = new PrintStream(out, true, StandardCharsets.UTF_8);
      System.setOut(both);
      System.setErr(both);
      code = new CommandLine(new LabCommand()).execute("demo", "--name", name);
    } finally {
      System.setOut(saved);
      System.setErr(savedErr);
      System.clearProperty("shoal.lab.shoald");
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    try {
      assertThat(code).as(printed).isZero();
      assertThat(printed)
          .contains("hello from h2", "hello from h3", "hello from h1")
          .contains("This node joined a swarm as a worker.")
          .contains("Leader")
          .contains("Worker nodes can't be used to view or modify cluster state")
          .contains("docker_gwbridge", "ingress: scope swarm, driver overlay, ingress true")
          .contains("3 packets transmitted, 3 packets received", "2 packets transmitted, 2 packets received")
          .contains("The lab is up.");
      assertThat(Lab.open(name)).isPresent();
    } finally {
      Lab.down(name);
    }
  }
}
