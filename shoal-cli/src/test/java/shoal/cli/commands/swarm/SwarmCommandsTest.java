package shoal.cli.commands.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static shoal.cli.commands.FixtureDaemon.fixture;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import shoal.cli.commands.FixtureDaemon;
import shoal.cli.commands.FixtureDaemon.Run;

/** The swarm commands against a daemon answering as a Docker manager does (see {@link FixtureDaemon}). */
class SwarmCommandsTest {
  private static final String WORKER_TOKEN = "SWMTKN-1-0knld6qs8z3q1jxohkc6809qwgzjpnr09w553dd54wnnc0kwlx-4iqkp13gqfjqc3rp0w6yq1pqw";

  private FixtureDaemon daemon;

  @BeforeEach
  void start() throws Exception {
    daemon = new FixtureDaemon();
  }

  @AfterEach
  void stop() {
    daemon.close();
  }

  @Test
  void initPrintsDockersTextWithThisManagersJoinCommand() {
    Run r = daemon.shoal("swarm", "init", "--advertise-addr", "192.168.77.11");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("""
        Swarm initialized: current node (ef777uvjt5598boqn29gzmakh) is now a manager.

        To add a worker to this swarm, run the following command:

            shoal swarm join --token %s 192.168.77.11:2377

        To add a manager to this swarm, run 'shoal swarm join-token manager' and follow the instructions.
        """.formatted(WORKER_TOKEN));
  }

  /**
   * The same command lines were run with docker 28 against the same answers; the writes it sent
   * are in {@code docker-requests.txt}.
   */
  @Test
  void everyWriteIsTheRequestDockerSends() {
    String[][] lines = {
        {"swarm", "init", "--advertise-addr", "1.2.3.4", "--default-addr-pool", "10.1.2.3/16", "--default-addr-pool",
            "10.9.0.0/16,10.8.0.0/16", "--cert-expiry", "1h", "--dispatcher-heartbeat", "2s", "--availability", "drain",
            "--listen-addr", ""},
        {"swarm", "join", "--token", "T", "--listen-addr", "eth0", "1.2.3.4:2377"},
        {"swarm", "update", "--cert-expiry", "1h", "--task-history-limit", "3"},
        {"swarm", "join-token", "--rotate", "worker"},
        {"swarm", "leave", "-f"},
        {"node", "update", "--label-add", "b=2", "--label-add", "c", "--label-rm", "ssd", "--role", "manager",
            "--availability", "pause", "ef777"},
        {"node", "rm", "-f", "x"},
        {"node", "promote", "tlfk"},
        {"node", "demote", "ef777"}};
    for (String[] line : lines) {
      Run r = daemon.shoal(line);
      assertThat(r.exitCode()).as(String.join(" ", line) + ": " + r.err()).isZero();
    }
    assertThat(writes(daemon.requests())).containsExactlyElementsOf(writes(fixture("docker-requests.txt").lines().toList()));
  }

  private static List<String> writes(List<String> requests) {
    return requests.stream().filter(r -> !r.startsWith("GET ")).toList();
  }

  @Test
  void joinSaysWhichRoleTheNodeGot() {
    assertThat(daemon.shoal("swarm", "join", "--token", "T", "192.168.77.11:2377").out())
        .isEqualTo("This node joined a swarm as a manager.\n");
    daemon.beWorker();
    assertThat(daemon.shoal("swarm", "join", "--token", "T", "192.168.77.11:2377").out())
        .isEqualTo("This node joined a swarm as a worker.\n");
  }

  @Test
  void joinTokenPrintsDockersParagraph() {
    Run r = daemon.shoal("swarm", "join-token", "manager");
    assertThat(r.out()).isEqualTo(fixture("join-token-manager.golden"));
  }

  @Test
  void joinTokenQuietPrintsTheTokenOnly() {
    assertThat(daemon.shoal("swarm", "join-token", "-q", "worker").out()).isEqualTo(WORKER_TOKEN + "\n");
  }

  @Test
  void rotateSaysSoBeforeTheNewToken() {
    Run r = daemon.shoal("swarm", "join-token", "--rotate", "worker");
    assertThat(r.out()).startsWith("Successfully rotated worker join token.\n\nTo add a worker to this swarm, run the following command:\n\n");
    assertThat(daemon.shoal("swarm", "join-token", "--rotate", "-q", "manager").out()).doesNotContain("Successfully");
  }

  @Test
  void anUnknownRoleIsRefusedBeforeAskingTheDaemon() {
    Run r = daemon.shoal("swarm", "join-token", "admin");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("unknown role admin\n");
    assertThat(daemon.requests()).isEmpty();
  }

  @Test
  void anUnknownAvailabilityIsRefusedBeforeAskingTheDaemon() {
    Run r = daemon.shoal("swarm", "init", "--availability", "busy");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("invalid availability \"busy\", only active, pause and drain are supported\n");
    assertThat(daemon.requests()).isEmpty();
  }

  @Test
  void updateWithoutFlagsPrintsItsUsageAndChangesNothing() {
    Run r = daemon.shoal("swarm", "update");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage:  shoal swarm update [OPTIONS]\n\nUpdate the swarm\n").contains("--cert-expiry duration");
    assertThat(daemon.requests()).isEmpty();
  }

  @Test
  void updateSaysSwarmUpdated() {
    assertThat(daemon.shoal("swarm", "update", "--dispatcher-heartbeat", "2s").out()).isEqualTo("Swarm updated.\n");
  }

  @Test
  void leaveSaysNodeLeft() {
    assertThat(daemon.shoal("swarm", "leave").out()).isEqualTo("Node left the swarm.\n");
    assertThat(daemon.requests()).containsExactly("POST /v1.41/swarm/leave");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--cert-expiry|5x|invalid argument \"5x\" for \"--cert-expiry\" flag: time: unknown unit \"x\" in duration \"5x\"",
      "--dispatcher-heartbeat|5|invalid argument \"5\" for \"--dispatcher-heartbeat\" flag: time: missing unit in duration \"5\"",
      "--listen-addr|udp://x|invalid argument \"udp://x\" for \"--listen-addr\" flag: invalid proto, expected tcp: udp://x",
      "--default-addr-pool|10.0.0.0|invalid argument \"10.0.0.0\" for \"--default-addr-pool\" flag: invalid string being converted to CIDR: 10.0.0.0",
      "--task-history-limit|abc|invalid argument \"abc\" for \"--task-history-limit\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax",
      "--default-addr-pool-mask-length|-1|invalid argument \"-1\" for \"--default-addr-pool-mask-length\" flag: strconv.ParseUint: parsing \"-1\": invalid syntax"})
  void badFlagValuesAreRefusedInDockersWords(String flag, String value, String message) {
    Run r = daemon.shoal("swarm", "init", flag, value);
    assertThat(r.exitCode()).isEqualTo(125);
    assertThat(r.err()).isEqualTo(message + "\n\nUsage:  shoal swarm init [OPTIONS]\n\nRun 'shoal swarm init --help' for more information\n");
  }

  @Test
  void argumentsWhereNoneAreTakenAreRefusedAsDocker28Does() {
    Run r = daemon.shoal("swarm", "init", "extra");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("shoal: 'shoal swarm init' accepts no arguments\n\nUsage:  shoal swarm init [OPTIONS]\n");
    r = daemon.shoal("swarm", "join-token");
    assertThat(r.err()).startsWith("shoal: 'shoal swarm join-token' requires 1 argument\n");
  }

  @Test
  void infoPrintsTheSwarmSectionAsDockerDoes() {
    assertThat(section(daemon.shoal("info").out())).isEqualTo(fixture("info-manager-section.golden"));
    daemon.beWorker();
    assertThat(section(daemon.shoal("info").out())).isEqualTo(fixture("info-worker-section.golden"));
  }

  /** From {@code " Swarm:"} to the line before the next line indented by one space only. */
  private static String section(String info) {
    List<String> lines = info.lines().toList();
    int from = lines.indexOf(lines.stream().filter(l -> l.startsWith(" Swarm: ")).findFirst().orElseThrow());
    int to = from + 1;
    while (to < lines.size() && lines.get(to).startsWith("  ")) {
      to++;
    }
    return String.join("\n", lines.subList(from, to)) + "\n";
  }

  @Test
  void inspectPrintsTheSwarmAsAnArrayOrATemplate() {
    Run r = daemon.shoal("swarm", "inspect");
    assertThat(r.out()).startsWith("[\n    {\n        \"ID\": \"q9h3xkz0ivn3n1x0n2w1a7m4b\",").contains("\"JoinTokens\": {").endsWith("}\n]\n");
    assertThat(daemon.shoal("swarm", "inspect", "-f", "{{.Spec.Dispatcher.HeartbeatPeriod}}").out()).isEqualTo("5000000000\n");
    assertThat(daemon.shoal("swarm", "inspect", "--pretty").out()).startsWith("Swarm: active\n NodeID: ef777uvjt5598boqn29gzmakh\n Is Manager: true\n");
  }

  @Test
  void aWorkerRefusalIsTheDaemonsMessage() {
    daemon.beWorker();
    Run r = daemon.shoal("swarm", "join-token", "worker");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("Error response from daemon: This node is not a swarm manager. Worker nodes can't be used");
  }

  @Test
  void helpListsTheSwarmCommands() {
    String out = daemon.shoal("swarm", "--help").out();
    assertThat(Arrays.stream(out.split("\n")).filter(l -> l.startsWith("  ")).map(l -> l.strip().split(" +")[0]))
        .containsExactly("init", "inspect", "join", "join-token", "leave", "update");
  }
}
