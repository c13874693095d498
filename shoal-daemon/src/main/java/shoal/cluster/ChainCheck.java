package shoal.cluster;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Validation of a peer's chain against one root CA and the node fields of its certificate. */
final class ChainCheck {
  private ChainCheck() {}

  /**
   * Checks that {@code presented} (leaf first, the root itself optional at the end) leads to
   * {@code root}, is valid now, and names a node of {@code clusterId} (null: any cluster) with
   * {@code role} (null: any role).
   */
  static void check(X509Certificate[] presented, X509Certificate root, String clusterId, NodeRole role)
      throws CertificateException {
    if (presented == null || presented.length == 0) {
      throw new CertificateException("the peer presented no certificate");
    }
    List<X509Certificate> path = new ArrayList<>(Arrays.asList(presented));
    if (path.size() > 1 && path.getLast().equals(root)) {
      path.removeLast();
    }
    try {
      PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
      params.setRevocationEnabled(false);
      CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
    } catch (GeneralSecurityException e) {
      throw new CertificateException("the peer's certificate is not one of this swarm's: " + e.getMessage(), e);
    }
    X509Certificate leaf = presented[0];
    try {
      if (clusterId != null && !clusterId.equals(Certificates.clusterId(leaf))) {
        throw new CertificateException("the peer's certificate belongs to another swarm");
      }
      if (role != null && Certificates.role(leaf) != role) {
        throw new CertificateException("the peer is not a " + role.ou() + ": " + leaf.getSubjectX500Principal());
      }
    } catch (IllegalArgumentException e) {
      throw new CertificateException(e.getMessage(), e);
    }
  }
}
