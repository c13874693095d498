package shoal.manager.store;

import javax.net.ssl.KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * Transport security of the managers' Raft traffic: mutual TLS with the node certificates, or
 * plain text (tests only).
 *
 * @param keyManager this manager's certificate and key (a key manager that follows renewals keeps
 *     working across them)
 * @param trustManager checks a peer's chain against the cluster's root CA; the store adds on top
 *     that the peer's certificate is a manager's (OU {@value ManagerTrustManager#MANAGER_OU}), and
 *     does not check host names (node certificates name the node, not its address)
 */
public record RaftTls(KeyManager keyManager, X509TrustManager trustManager) {
  private static final RaftTls NONE = new RaftTls(null, null);

  public static RaftTls mutual(KeyManager keyManager, X509TrustManager trustManager) {
    if (keyManager == null || trustManager == null) {
      throw new IllegalArgumentException("mutual TLS needs a key manager and a trust manager");
    }
    return new RaftTls(keyManager, trustManager);
  }

  /** No TLS: for tests on loopback. */
  public static RaftTls none() {
    return NONE;
  }

  public boolean enabled() {
    return keyManager != null;
  }
}
