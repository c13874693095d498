package shoal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import shoal.common.CommandResult;
import shoal.lab.Lab;
import shoal.lab.LabHost;
import shoal.lab.cli.LabCommand;
import shoal.lab.junit.WithLab;

@Tag("netns")
class LabIT {
  private static final List<String> SHOALD = shoaldUnderTest();

  private static List<String> shoaldUnderTest() {
    return List.of(ProcessHandle.current().info().command().orElse("java"),
        "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), "shoal.daemon.Main");
  }

  private static String uniqueName(String what) {
    return what + (ProcessHandle.current().pid() % 100000) + "-" + Long.toHexString(System.nanoTime() & 0xfff);
  }

  /**
   * Whether any of three probes is answered: one probe right after a link comes back can be lost
   * to neighbour resolution on a loaded machine, which is not what these tests are about.
   */
  private static boolean ping(LabHost from, String address) {
    return from.host().exec(List.of("ping", "-c", "3", "-i", "0.2", "-W", "1", address), Duration.ofSeconds(8)).ok();
  }

  @Test
  void upAndDownLeaveTheKernelAsItWas() throws Exception {
    String name = uniqueName("ud");
    String prefix = "shoal-" + name + "-";
    Path state = Lab.root().resolve(name);
    KernelSnapshot before = KernelSnapshot.take(prefix, state);

    Lab lab = Lab.up(name, 3, "192.168.77.0/24", SHOALD, ProcessHandle.current().pid());
    try {
      assertThat(KernelSnapshot.take(prefix, state).netns())
          .containsExactlyInAnyOrder(prefix + "lan", prefix + "h1", prefix + "h2", prefix + "h3");
      assertThat(lab.hosts()).extracting(LabHost::address)
          .containsExactly("192.168.77.11", "192.168.77.12", "192.168.77.13");
      for (LabHost h : lab.hosts()) {
        assertThat(h.host().exec("hostname").stdout().strip()).isEqualTo(h.name());
        assertThat(h.daemon().api("GET", "/_ping").stdout()).isEqualTo("OK");
      }
      assertThat(ping(lab.host("h1"), "192.168.77.13")).isTrue();
      assertThat(ping(lab.host("h3"), "192.168.77.12")).isTrue();
    } finally {
      Lab.down(name);
    }
    KernelSnapshot after = KernelSnapshot.take(prefix, state);
    assertThat(after).isEqualTo(before);
    assertThat(Files.exists(state)).isFalse();
    Lab.down(name); // idempotent
  }

  @Test
  void twoLabsWithDifferentNamesRunAtOnceWithoutInterfering() throws Exception {
    String a = uniqueName("la");
    String b = uniqueName("lb");
    long me = ProcessHandle.current().pid();
    try {
      Lab labA = Lab.up(a, 2, "192.168.77.0/24", SHOALD, me);
      Lab labB = Lab.up(b, 2, "192.168.77.0/24", SHOALD, me);
      // Same addresses, separate LANs: cutting h2 of lab A leaves lab B's h2 reachable.
      labA.setConnected("h2", false);
      assertThat(ping(labA.host("h1"), "192.168.77.12")).isFalse();
      assertThat(ping(labB.host("h1"), "192.168.77.12")).isTrue();
      // Each host has its own view of named network namespaces.
      labA.host("h1").host().exec("ip", "netns", "add", "only-in-a");
      assertThat(labB.host("h1").host().exec("ip", "netns", "list").stdout()).doesNotContain("only-in-a");
      assertThat(labA.host("h2").host().exec("ip", "netns", "list").stdout()).doesNotContain("only-in-a");
    } finally {
      Lab.down(a);
      Lab.down(b);
    }
  }

  @Test
  void aLabWhoseProcessesWereKilledIsCleanedByTheNextUp() throws Exception {
    String name = uniqueName("kl");
    String prefix = "shoal-" + name + "-";
    Path state = Lab.root().resolve(name);
    KernelSnapshot before = KernelSnapshot.take(prefix, state);
    Lab lab = Lab.up(name, 2, "192.168.77.0/24", SHOALD, ProcessHandle.current().pid());
    for (LabHost h : lab.hosts()) {
      h.daemon().kill9();
      ProcessHandle.of(h.host().initPid()).ifPresent(ProcessHandle::destroyForcibly);
    }
    try {
      Lab again = Lab.up(name, 2, "192.168.77.0/24", SHOALD, ProcessHandle.current().pid());
      assertThat(ping(again.host("h1"), "192.168.77.12")).isTrue();
      assertThat(again.host("h2").daemon().api("GET", "/_ping").stdout()).isEqualTo("OK");
    } finally {
      Lab.down(name);
    }
    assertThat(KernelSnapshot.take(prefix, state)).isEqualTo(before);
  }

  @Test
  @WithLab(nodes = 2)
  void labExecPassesTheExitCodeAndSetsTheDaemonSocket(Lab lab) {
    CommandLine cli = new CommandLine(new LabCommand());
    assertThat(cli.execute("exec", "--name", lab.name(), "h1", "--", "sh", "-c", "exit 7")).isEqualTo(7);
    assertThat(cli.execute("exec", "--name", lab.name(), "h2", "--", "sh", "-c",
        "test \"$DOCKER_HOST\" = unix:///run/shoal.sock && curl -sf --unix-socket /run/shoal.sock http://x/_ping"))
        .isZero();
    assertThat(cli.execute("exec", "--name", lab.name(), "h9", "--", "true")).isNotZero();
  }

  @Test
  @WithLab(nodes = 2)
  void faultsCutTheLinkKillTheDaemonAndDropFrames(Lab lab) throws Exception {
    LabHost h1 = lab.host("h1");
    LabHost h2 = lab.host("h2");
    lab.setConnected("h2", false);
    assertThat(ping(h1, h2.address())).isFalse();
    lab.setConnected("h2", true);
    assertThat(ping(h1, h2.address())).isTrue();

    long pid = h2.daemon().pid();
    h2.daemon().kill9();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    CommandResult refused = h2.daemon().api("GET", "/_ping");
    assertThat(refused.ok()).isFalse();
    h2.daemon().start();
    assertThat(h2.daemon().api("GET", "/_ping").stdout()).isEqualTo("OK");

    lab.setLoss("h2", 100);
    assertThat(ping(h1, h2.address())).isFalse();
    lab.setLoss("h2", 0);
    assertThat(ping(h1, h2.address())).isTrue();
  }
}
