package shoal.cluster;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A joining node's trust: the server must present a chain ending at a root CA whose digest is the
 * join token's, and be a manager of that CA. Nothing else is trusted, not even the system's CAs.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {
  private final String caDigest;
  // Set once by the handshake thread, read by the joining thread after the call: why the server was refused.
  private final AtomicReference<String> refusal = new AtomicReference<>();

  PinningTrustManager(String caDigest) {
    this.caDigest = caDigest;
  }

  /** Why the server's chain was refused, or null. gRPC reports a handshake failure only as UNAVAILABLE. */
  String refusal() {
    return refusal.get();
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    try {
      X509Certificate root = chain == null || chain.length < 2 ? null : chain[chain.length - 1];
      if (root == null || !root.getSubjectX500Principal().equals(root.getIssuerX500Principal())) {
        throw new CertificateException("the manager did not present its root CA");
      }
      if (!JoinToken.digestOf(root).equals(caDigest)) {
        // Docker's words for a token of another swarm (or a man in the middle).
        throw new CertificateException("remote CA does not match fingerprint. Expected: " + caDigest);
      }
      ChainCheck.check(chain, root, null, NodeRole.MANAGER);
    } catch (CertificateException e) {
      refusal.compareAndSet(null, e.getMessage());
      throw e;
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("a joining node accepts no clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
