package shoal.cli.commands.node;

import static org.assertj.core.api.Assertions.assertThat;
import static shoal.cli.commands.FixtureDaemon.fixture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shoal.cli.commands.FixtureDaemon;
import shoal.cli.commands.FixtureDaemon.Run;

/**
 * The node commands against a daemon answering as a Docker manager does; the goldens are docker
 * 28's outputs against the same answers (see {@link FixtureDaemon}).
 */
class NodeCommandsTest {
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
  void lsPrintsDockersTableSortedByHostnameWithAStarForThisNode() {
    Run r = daemon.shoal("node", "ls");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(fixture("ls.golden"));
  }

  @Test
  void lsJsonAndTemplatesSeeDockersFields() {
    assertThat(daemon.shoal("node", "ls", "--format", "json").out()).isEqualTo(fixture("ls-json.golden"));
    assertThat(daemon.shoal("node", "ls", "--format", "{{.ID}} {{.TLSStatus}} {{.Self}}").out()).isEqualTo(fixture("ls-tls.golden"));
    assertThat(daemon.shoal("node", "ls", "--format", "table {{.Hostname}}\\t{{.Self}}").out())
        .isEqualTo("HOSTNAME   \ndk-h1      true\ndk-h2      false\ndk-h10     false\n");
  }

  @Test
  void lsQuietPrintsIdsWithoutAskingInfo() {
    assertThat(daemon.shoal("node", "ls", "-q").out())
        .isEqualTo("ef777uvjt5598boqn29gzmakh\ntlfk6u7v0iaf90mqr0o13khvi\nu1oqgaot3mavx75rot9gnoouo\n");
    assertThat(daemon.requests()).containsExactly("GET /v1.41/nodes");
  }

  @Test
  void lsSendsFiltersAsDockerEncodesThem() {
    daemon.shoal("node", "ls", "-q", "-f", "role=manager");
    assertThat(daemon.requests()).containsExactly("GET /v1.41/nodes?filters=%7B%22role%22%3A%7B%22manager%22%3Atrue%7D%7D");
  }

  @Test
  void lsOnAWorkerIsRefusedWithTheDaemonsMessage() {
    daemon.beWorker();
    Run r = daemon.shoal("node", "ls");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("Error response from daemon: This node is not a swarm manager. Worker nodes can't be used to "
        + "view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.\n");
  }

  @Test
  void inspectPrettyIsDockersLayout() {
    Run r = daemon.shoal("node", "inspect", "--pretty", "ef777", "tlfk", "u1oq");
    assertThat(r.out()).isEqualTo(fixture("inspect-pretty.golden"));
    assertThat(daemon.shoal("node", "inspect", "--format", "pretty", "tlfk").out()).startsWith("ID:\t\t\ttlfk6u7v0iaf90mqr0o13khvi\nHostname:");
  }

  @Test
  void inspectPrettyPrintsNothingUnlessEveryNodeIsFound() {
    Run r = daemon.shoal("node", "inspect", "--pretty", "nope", "ef777");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("Error response from daemon: node nope not found\n");
  }

  @Test
  void inspectPrintsTheFoundNodesThenTheMissingOnes() {
    Run r = daemon.shoal("node", "inspect", "ef777", "nope");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).startsWith("[\n    {\n        \"ID\": \"ef777uvjt5598boqn29gzmakh\",").endsWith("    }\n]\n");
    // Labels in key order, as docker re-encodes them (the daemon sent zone first)
    assertThat(r.out()).contains("\"Labels\": {\n                \"ssd\": \"\",\n                \"zone\": \"a\"\n            },");
    assertThat(r.err()).isEqualTo("Error response from daemon: node nope not found\n");
  }

  @Test
  void inspectSelfIsTheNodeInfoNames() {
    Run r = daemon.shoal("node", "inspect", "-f", "{{.Description.Hostname}} {{.Spec.Role}}", "self");
    assertThat(r.out()).isEqualTo("dk-h1 manager\n");
    assertThat(daemon.requests()).containsExactly("GET /v1.41/info", "GET /v1.41/nodes/ef777uvjt5598boqn29gzmakh");
  }

  @Test
  void prettyTakesNoExtraFormatting() {
    Run r = daemon.shoal("node", "inspect", "--format", "pretty {{.ID}}", "ef777");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("cannot supply extra formatting options to the pretty template\n");
  }

  @Test
  void updatePrintsTheNodeAsWrittenByTheUser() {
    Run r = daemon.shoal("node", "update", "--availability", "drain", "dk-h2");
    assertThat(r.out()).isEqualTo("dk-h2\n");
    assertThat(daemon.requests()).containsExactly("GET /v1.41/nodes/dk-h2",
        "POST /v1.41/nodes/tlfk6u7v0iaf90mqr0o13khvi/update?version=25 {\"Labels\":{},\"Role\":\"manager\",\"Availability\":\"drain\"}");
  }

  @Test
  void removingALabelTheNodeLacksFailsWithoutWriting() {
    Run r = daemon.shoal("node", "update", "--label-rm", "zz", "ef777");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("key zz doesn't exist in node's labels\n");
    assertThat(daemon.requests()).containsExactly("GET /v1.41/nodes/ef777");
  }

  @Test
  void promoteAndDemoteSayWhatTheyDid() {
    assertThat(daemon.shoal("node", "promote", "u1oq").out()).isEqualTo("Node u1oq promoted to a manager in the swarm.\n");
    assertThat(daemon.shoal("node", "demote", "dk-h2").out()).isEqualTo("Manager dk-h2 demoted in the swarm.\n");
  }

  @Test
  void promotingAManagerSaysSoAndWritesNothing() {
    Run r = daemon.shoal("node", "promote", "ef777", "u1oq");
    assertThat(r.out()).isEqualTo("Node ef777uvjt5598boqn29gzmakh is already a manager.\nNode u1oq promoted to a manager in the swarm.\n");
    assertThat(daemon.requests()).filteredOn(q -> q.startsWith("POST")).containsExactly(
        "POST /v1.41/nodes/u1oqgaot3mavx75rot9gnoouo/update?version=30 {\"Labels\":{},\"Role\":\"manager\",\"Availability\":\"active\"}");
  }

  @Test
  void anUpdateStopsAtTheFirstFailure() {
    Run r = daemon.shoal("node", "demote", "nope", "ef777");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("Error response from daemon: node nope not found\n");
    assertThat(daemon.requests()).containsExactly("GET /v1.41/nodes/nope");
  }

  @Test
  void rmRemovesTheOthersAndReportsEachFailure() {
    daemon.answer("DELETE /nodes/nope", 404, "{\"message\":\"node nope not found\"}");
    Run r = daemon.shoal("node", "rm", "nope", "ef777");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("ef777\n");
    assertThat(r.err()).isEqualTo("Error response from daemon: node nope not found\n");
    assertThat(daemon.requests()).containsExactly("DELETE /v1.41/nodes/nope", "DELETE /v1.41/nodes/ef777");
  }
}
