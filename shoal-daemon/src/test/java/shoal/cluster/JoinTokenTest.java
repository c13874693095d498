package shoal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import shoal.errors.InvalidArgumentException;

class JoinTokenTest {
  private static final String DOCKERS =
      "SWMTKN-1-0knld6qs8z3q1jxohkc6809qwgzjpnr09w553dd54wnnc0kwlx-4iqkp13gqfjqc3rp0w6yq1pqw";

  @Test
  void parsesAndFormatsDockersTokenUnchanged() {
    JoinToken t = JoinToken.parse("  " + DOCKERS + "\n");
    assertThat(t.caDigest()).isEqualTo("0knld6qs8z3q1jxohkc6809qwgzjpnr09w553dd54wnnc0kwlx");
    assertThat(t.secret()).isEqualTo("4iqkp13gqfjqc3rp0w6yq1pqw");
    assertThat(t.format()).isEqualTo(DOCKERS);
  }

  @Test
  void digestIsTheSha256OfTheRootCertificateInBase36() throws Exception {
    RootCa ca = RootCa.create(Instant.now());
    byte[] sha = MessageDigest.getInstance("SHA-256").digest(ca.certificate().getEncoded());
    String digest = JoinToken.digestOf(ca.certificate());
    assertThat(digest).hasSize(50).matches("[0-9a-z]{50}");
    assertThat(new BigInteger(digest, 36)).isEqualTo(new BigInteger(1, sha));
    assertThat(JoinToken.parse(JoinToken.of(ca.certificate(), JoinToken.newSecret()).format()).caDigest()).isEqualTo(digest);
  }

  @Test
  void secretsAre25Base36CharactersAndDiffer() {
    assertThat(JoinToken.newSecret()).matches("[0-9a-z]{25}").isNotEqualTo(JoinToken.newSecret());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "SWMTKN-1", "SWMTKN-2-0knld6qs8z3q1jxohkc6809qwgzjpnr09w553dd54wnnc0kwlx-4iqkp13gqfjqc3rp0w6yq1pqw",
      "SWMTKX-1-0knld6qs8z3q1jxohkc6809qwgzjpnr09w553dd54wnnc0kwlx-4iqkp13gqfjqc3rp0w6yq1pqw",
      "SWMTKN-1-0knld6qs8z3q1jxohkc6809qwgzjpnr09w553dd54wnnc0kwl-4iqkp13gqfjqc3rp0w6yq1pqw",
      "SWMTKN-1-0knld6qs8z3q1jxohkc6809qwgzjpnr09w553dd54wnnc0kwlx-4iqkp13gqfjqc3rp0w6yq1pq",
      "SWMTKN-1-0KNLD6QS8Z3Q1JXOHKC6809QWGZJPNR09W553DD54WNNC0KWLX-4iqkp13gqfjqc3rp0w6yq1pqw",
      "SWMTKN-1-0knld6qs8z3q1jxohkc6809qwgzjpnr09w553dd54wnnc0kwlx-4iqkp13gqfjqc3rp0w6yq1pqw-x",
      "SWMTKN-1-0knld6qs8z3q1jxohkc6809qwgzjpnr09w553dd54wnnc0kwlx-4iqkp13gqfj c3rp0w6yq1pqw"})
  void malformedTokensAreRefusedInDockersWords(String text) {
    assertThatThrownBy(() -> JoinToken.parse(text)).isInstanceOf(InvalidArgumentException.class).hasMessage("invalid join token");
  }
}
