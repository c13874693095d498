package shoal.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeaveCheckTest {
  @ParameterizedTest(name = "{0} reachable, {1} unreachable")
  @CsvSource(delimiter = ';', value = {
      "1;0;Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. ",
      "2;0;Removing this node leaves 1 managers out of 2. Without a Raft quorum your swarm will be inaccessible. The only way",
      "2;1;Removing this node leaves 1 managers out of 3.",
      "3;0;manager. The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message.",
      "-1;-1;Doing so may lose the consensus of your cluster. The only way"})
  void aManagerIsToldWhatLeavingWouldCostInDockersWords(int reachable, int unreachable, String expected) {
    String msg = LeaveCheck.refusal(reachable, unreachable);
    assertThat(msg).startsWith("You are attempting to leave the swarm on a node that is participating as a manager. ")
        .contains(expected);
  }
}
