package shoal.cluster;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts nodes of this node's cluster: chains that lead to its current root CA. As a client it
 * also requires the server to be a manager. Host names are not checked: a node is named by its
 * certificate's node ID, not by the address it was dialed at.
 */
final class ClusterTrustManager extends X509ExtendedTrustManager {
  private final CurrentIdentity self;
  private final NodeRole serverRole;

  ClusterTrustManager(CurrentIdentity self, NodeRole serverRole) {
    this.self = self;
    this.serverRole = serverRole;
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    NodeIdentity me = self.get();
    ChainCheck.check(chain, me.root(), me.clusterId(), null);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    NodeIdentity me = self.get();
    ChainCheck.check(chain, me.root(), me.clusterId(), serverRole);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[] {self.get().root()};
  }
}
