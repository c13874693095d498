package shoal.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shoal.common.CommandResult;

/** Network commands of this CLI against a real shoald, compared with the docker CLI. */
@Tag("netns")
class NetworkCliIT {
  static LabDaemon daemon;

  @BeforeAll
  static void up() throws Exception {
    daemon = LabDaemon.start();
  }

  @AfterAll
  static void down() {
    if (daemon != null) {
      daemon.close();
    }
  }

  private static CommandResult ok(CommandResult r) {
    assertThat(r.exitCode()).as(r.failure()).isZero();
    return r;
  }

  @Test
  void listingsMatchDockersTables() {
    ok(daemon.shoal("network", "create", "--label", "team=web", "listed-a"));
    ok(daemon.shoal("network", "create", "--internal", "listed-b"));
    for (String[] args : new String[][] {{"network", "ls"}, {"network", "ls", "--no-trunc"}, {"network", "ls", "-q"},
        {"network", "ls", "--filter", "driver=bridge"}, {"network", "ls", "--filter", "name=listed"},
        {"network", "ls", "--format", "{{.Name}} {{.Internal}} {{.Labels}} {{.Label \"team\"}}"},
        {"network", "ls", "--format", "table {{.Name}}\t{{.IPv6}}\t{{.Internal}}"}}) {
      assertThat(ok(daemon.shoal(args)).stdout()).as(String.join(" ", args)).isEqualTo(daemon.docker(args).stdout());
    }
    assertThat(ok(daemon.shoal("network", "ls", "--format", "{{.Name}}")).stdout())
        .isEqualTo("bridge\nhost\nlisted-a\nlisted-b\nnone\n");
    ok(daemon.shoal("network", "rm", "listed-a", "listed-b"));
  }

  @Test
  void createSendsSubnetGatewayRangeAndOptions() {
    String id = ok(daemon.shoal("network", "create", "-d", "bridge", "--subnet", "10.42.0.0/16", "--gateway", "10.42.0.1",
        "--ip-range", "10.42.5.0/24", "--label", "a=b", "-o", "com.docker.network.bridge.name=br-made", "made")).stdout().strip();
    assertThat(id).matches("[0-9a-f]{64}");
    assertThat(ok(daemon.shoal("network", "inspect", "-f",
        "{{.Driver}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}} {{.IPRange}}{{end}} {{.Labels.a}} {{.Internal}}", "made")).stdout())
        .isEqualTo("bridge 10.42.0.0/16 10.42.0.1 10.42.5.0/24 b false\n");
    assertThat(ok(daemon.shoal("network", "inspect", "made")).stdout()).isEqualTo(daemon.docker("network", "inspect", "made").stdout());
    assertThat(ok(daemon.shoal("inspect", "--type", "network", "-f", "{{.Name}}", id.substring(0, 12))).stdout()).isEqualTo("made\n");
    ok(daemon.shoal("network", "rm", "made"));
  }

  @Test
  void mistakesAreReportedInDockersWords() {
    for (String[] args : new String[][] {
        {"network", "create", "--gateway", "10.9.0.1", "nogw"},
        {"network", "create", "--subnet", "10.9.0.0/24", "--gateway", "10.8.0.1", "wronggw"},
        {"network", "create", "--subnet", "10.9.0.0/33", "badsubnet"},
        {"network", "create", "bridge"},
        {"network", "rm", "nosuch"},
        {"network", "inspect", "nosuch"},
        {"network", "connect", "nosuch", "nosuch"}}) {
      CommandResult ours = daemon.shoal(args);
      CommandResult docker = daemon.docker(args);
      assertThat(ours.exitCode()).as(String.join(" ", args)).isEqualTo(docker.exitCode()).isNotZero();
      assertThat(ours.stderr()).as(String.join(" ", args)).isEqualTo(docker.stderr().replace("exit status 1\n", ""));
    }
    ok(daemon.shoal("network", "create", "--subnet", "10.10.0.0/24", "taken"));
    CommandResult overlap = daemon.shoal("network", "create", "--subnet", "10.10.0.0/25", "overlapping");
    assertThat(overlap.stderr()).isEqualTo(daemon.docker("network", "create", "--subnet", "10.10.0.0/25", "overlapping").stderr());
    ok(daemon.shoal("network", "rm", "taken"));
    assertThat(ok(daemon.shoal("network", "rm", "-f", "nosuch")).stderr()).isEmpty();
  }

  @Test
  void pruneRemovesUnusedCustomNetworksAfterConfirmation() {
    ok(daemon.shoal("network", "create", "unused-1"));
    CommandResult declined = ok(daemon.shoal("n\n".getBytes(), "network", "prune"));
    assertThat(declined.stdout()).isEqualTo(
        "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ");
    assertThat(ok(daemon.shoal("network", "ls", "-q", "--filter", "name=unused-1")).stdout()).isNotEmpty();
    CommandResult pruned = ok(daemon.shoal("network", "prune", "-f"));
    assertThat(pruned.stdout()).isEqualTo("Deleted Networks:\nunused-1\n\n");
    assertThat(ok(daemon.shoal("network", "ls", "--format", "{{.Name}}")).stdout()).isEqualTo("bridge\nhost\nnone\n");
  }
}
