package shoal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import shoal.errors.InvalidArgumentException;

class RootCaTest {
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final RootCa ca = RootCa.create(now);

  @Test
  void rootIsASelfSignedP256CaValidFor20Years() throws Exception {
    X509Certificate root = ca.certificate();
    root.verify(root.getPublicKey());
    assertThat(root.getSubjectX500Principal().getName()).isEqualTo("CN=swarm-ca");
    assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(Certificates.isP256(root.getPublicKey())).isTrue();
    assertThat(root.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(Duration.between(root.getNotBefore().toInstant(), root.getNotAfter().toInstant())).isEqualTo(Duration.ofDays(7300));
  }

  @Test
  void nodeCertificateNamesNodeRoleAndClusterAndExpiresAfterTheGivenValidity() throws Exception {
    var keys = Certificates.newKeyPair();
    String node = ClusterIds.newId();
    String cluster = ClusterIds.newId();
    X509Certificate cert = ca.issue(Certificates.csr(keys), node, NodeRole.WORKER, cluster, Duration.ofHours(2160), now);
    cert.verify(ca.certificate().getPublicKey());
    assertThat(cert.getPublicKey()).isEqualTo(keys.getPublic());
    assertThat(Certificates.nodeId(cert)).isEqualTo(node);
    assertThat(Certificates.role(cert)).isEqualTo(NodeRole.WORKER);
    assertThat(Certificates.clusterId(cert)).isEqualTo(cluster);
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=" + node + ",OU=swarm-worker,O=" + cluster);
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(now.plus(Duration.ofDays(90)));
    assertThat(cert.getNotBefore().toInstant()).isEqualTo(now.minus(RootCa.MAX_BACKDATE));
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(cert.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    assertThat(cert.getSubjectAlternativeNames().stream().map(l -> (Object) l.get(1)).toList()).containsExactlyInAnyOrder("swarm-worker", node);
  }

  @Test
  void aShortValidityIsBackdatedByATenthOnly() {
    X509Certificate cert = ca.issue(Certificates.csr(Certificates.newKeyPair()), ClusterIds.newId(), NodeRole.MANAGER,
        ClusterIds.newId(), Duration.ofSeconds(10), now);
    assertThat(cert.getNotBefore().toInstant()).isEqualTo(now.minusSeconds(1));
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(now.plusSeconds(10));
  }

  @Test
  void requestsThatAreNotSignedP256RequestsAreRefused() throws Exception {
    var rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    var rsaKeys = rsa.generateKeyPair();
    byte[] rsaCsr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"), rsaKeys.getPublic())
        .build(new JcaContentSignerBuilder("SHA256withRSA").build(rsaKeys.getPrivate())).getEncoded();
    byte[] tampered = Certificates.csr(Certificates.newKeyPair());
    tampered[tampered.length - 5] ^= 0x01;
    for (byte[] csr : List.of(rsaCsr, tampered, new byte[] {1, 2, 3})) {
      assertThatThrownBy(() -> ca.issue(csr, ClusterIds.newId(), NodeRole.WORKER, ClusterIds.newId(), Duration.ofDays(1), now))
          .isInstanceOf(InvalidArgumentException.class).hasMessageStartingWith("certificate request: ");
    }
  }

  @Test
  void aStoredCaIsOnlyAcceptedWithItsOwnKey() {
    RootCa other = RootCa.create(now);
    assertThat(RootCa.of(ca.certificate(), ca.key()).digest()).isEqualTo(ca.digest());
    assertThatThrownBy(() -> RootCa.of(ca.certificate(), other.key())).isInstanceOf(IllegalArgumentException.class);
  }
}
