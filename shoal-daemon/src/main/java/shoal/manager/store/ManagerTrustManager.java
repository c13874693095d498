package shoal.manager.store;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts a Raft peer only if the cluster's trust manager accepts its chain and its certificate is
 * a manager's: a worker's certificate comes from the same CA but must not speak Raft. Host names
 * are not checked: a node certificate names the node (CN = node ID), not an address.
 */
final class ManagerTrustManager extends X509ExtendedTrustManager {
  static final String MANAGER_OU = "swarm-manager";

  private final X509TrustManager chain;

  ManagerTrustManager(X509TrustManager chain) {
    this.chain = chain;
  }

  @Override
  public void checkClientTrusted(X509Certificate[] certs, String authType)
      throws CertificateException {
    chain.checkClientTrusted(certs, authType);
    requireManager(certs);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] certs, String authType)
      throws CertificateException {
    chain.checkServerTrusted(certs, authType);
    requireManager(certs);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] certs, String authType, Socket socket)
      throws CertificateException {
    checkClientTrusted(certs, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] certs, String authType, Socket socket)
      throws CertificateException {
    checkServerTrusted(certs, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] certs, String authType, SSLEngine engine)
      throws CertificateException {
    checkClientTrusted(certs, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] certs, String authType, SSLEngine engine)
      throws CertificateException {
    checkServerTrusted(certs, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return chain.getAcceptedIssuers();
  }

  private static void requireManager(X509Certificate[] certs) throws CertificateException {
    if (certs == null || certs.length == 0) {
      throw new CertificateException("no certificate presented");
    }
    String subject = certs[0].getSubjectX500Principal().getName();
    try {
      for (Rdn rdn : new LdapName(subject).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("OU") && MANAGER_OU.equals(rdn.getValue())) {
          return;
        }
      }
    } catch (InvalidNameException e) {
      throw new CertificateException("unreadable certificate subject " + subject, e);
    }
    throw new CertificateException(
        "certificate " + subject + " is not a manager's (OU=" + MANAGER_OU + "): Raft refused");
  }
}
