package shoal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

class PinningTrustManagerTest {
  private final TestCluster cluster = new TestCluster();
  private final NodeIdentity manager = cluster.issue(NodeRole.MANAGER);

  private static X509Certificate[] shown(NodeIdentity id) {
    return id.presentedChain().toArray(X509Certificate[]::new);
  }

  @Test
  void aManagerOfThePinnedCaIsAccepted() throws CertificateException {
    PinningTrustManager pin = new PinningTrustManager(cluster.root.digest());
    pin.checkServerTrusted(shown(manager), "ECDHE_ECDSA");
    assertThat(pin.refusal()).isNull();
  }

  @Test
  void aServerOfAnotherCaIsRefusedWithDockersFingerprintMessage() {
    TestCluster other = new TestCluster();
    PinningTrustManager pin = new PinningTrustManager(cluster.root.digest());
    assertThatThrownBy(() -> pin.checkServerTrusted(shown(other.issue(NodeRole.MANAGER)), "ECDHE_ECDSA"))
        .isInstanceOf(CertificateException.class)
        .hasMessage("remote CA does not match fingerprint. Expected: " + cluster.root.digest());
    assertThat(pin.refusal()).startsWith("remote CA does not match fingerprint");
  }

  @Test
  void aLeafSignedByAnotherKeyUnderThePinnedRootIsRefused() {
    TestCluster other = new TestCluster();
    NodeIdentity forged = other.issue(NodeRole.MANAGER);
    X509Certificate[] chain = {forged.certificate(), cluster.root.certificate()};
    assertThatThrownBy(() -> new PinningTrustManager(cluster.root.digest()).checkServerTrusted(chain, "ECDHE_ECDSA"))
        .isInstanceOf(CertificateException.class).hasMessageContaining("not one of this swarm's");
  }

  @Test
  void aWorkerOfThePinnedCaCannotPoseAsAManager() {
    assertThatThrownBy(() -> new PinningTrustManager(cluster.root.digest()).checkServerTrusted(shown(cluster.issue(NodeRole.WORKER)), "ECDHE_ECDSA"))
        .isInstanceOf(CertificateException.class).hasMessageContaining("not a swarm-manager");
  }

  @Test
  void aChainWithoutItsRootIsRefused() {
    assertThatThrownBy(() -> new PinningTrustManager(cluster.root.digest()).checkServerTrusted(new X509Certificate[] {manager.certificate()}, "ECDHE_ECDSA"))
        .isInstanceOf(CertificateException.class).hasMessage("the manager did not present its root CA");
  }
}
