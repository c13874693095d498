package shoal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import shoal.errors.InvalidArgumentException;

class JoinSecretsTest {
  private static final String DIGEST = "0knld6qs8z3q1jxohkc6809qwgzjpnr09w553dd54wnnc0kwlx";
  private static final String OTHER_DIGEST = "1knld6qs8z3q1jxohkc6809qwgzjpnr09w553dd54wnnc0kwlx";

  @ParameterizedTest
  @EnumSource(NodeRole.class)
  void eachTokenAdmitsItsRole(NodeRole role) {
    JoinSecrets s = JoinSecrets.generate();
    assertThat(s.admit(s.token(role, DIGEST), DIGEST)).isEqualTo(role);
  }

  @Test
  void aTokenOfAnotherSecretOrAnotherCaIsRefused() {
    JoinSecrets s = JoinSecrets.generate();
    assertThatThrownBy(() -> s.admit(new JoinToken(DIGEST, JoinToken.newSecret()), DIGEST))
        .isInstanceOf(InvalidArgumentException.class).hasMessage(JoinSecrets.INVALID);
    assertThatThrownBy(() -> s.admit(s.token(NodeRole.MANAGER, OTHER_DIGEST), DIGEST))
        .isInstanceOf(InvalidArgumentException.class).hasMessage(JoinSecrets.INVALID);
  }

  @ParameterizedTest
  @EnumSource(NodeRole.class)
  void rotationReplacesOnlyThatRolesSecretAndTheOldOneSaysItWasRotated(NodeRole role) {
    JoinSecrets before = JoinSecrets.generate();
    NodeRole other = role == NodeRole.WORKER ? NodeRole.MANAGER : NodeRole.WORKER;
    JoinSecrets after = before.rotate(role);
    assertThat(after.secret(role)).isNotEqualTo(before.secret(role));
    assertThat(after.secret(other)).isEqualTo(before.secret(other));
    assertThat(after.admit(after.token(role, DIGEST), DIGEST)).isEqualTo(role);
    assertThatThrownBy(() -> after.admit(before.token(role, DIGEST), DIGEST))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageStartingWith(JoinSecrets.INVALID)
        .hasMessageContaining(role.dockerName() + " join token was rotated")
        .hasMessageContaining("docker swarm join-token " + role.dockerName());
  }

  @Test
  void onlyTheLastRotatedSecretsAreRemembered() {
    JoinSecrets first = JoinSecrets.generate();
    JoinSecrets s = first;
    for (int i = 0; i <= JoinSecrets.MAX_RETIRED; i++) {
      s = s.rotate(NodeRole.WORKER);
    }
    JoinSecrets last = s;
    assertThat(last.retired()).hasSize(JoinSecrets.MAX_RETIRED);
    assertThatThrownBy(() -> last.admit(first.token(NodeRole.WORKER, DIGEST), DIGEST)).hasMessage(JoinSecrets.INVALID);
  }
}
