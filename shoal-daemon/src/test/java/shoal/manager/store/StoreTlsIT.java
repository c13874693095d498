package shoal.manager.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import shoal.manager.store.objects.Ids;

/** The managers' Raft traffic over mutual TLS with node certificates from the cluster CA. */
class StoreTlsIT {
  @TempDir Path dir;

  @Test
  void managersTalkOverMutualTlsAndAWorkerCertificateIsRefused() throws Exception {
    TestCerts certs = new TestCerts(dir.resolve("ca"), Ids.newId());
    try (TestManagers m = TestManagers.start(dir, 3, 10_000, id ->
        RaftTls.mutual(certs.node(id, "swarm-manager"), certs.trustManager()))) {
      String leader = m.awaitLeader();
      String follower = m.runningIds().stream().filter(id -> !id.equals(leader)).findFirst()
          .orElseThrow();
      String node = Ids.newId();
      m.store(follower).update(tx -> {
        tx.nodes().create(Objects.node(node));
        return null;
      });
      for (Store s : m.stores()) {
        boolean seen = s.view(tx -> tx.nodes().find(node).isPresent());
        assertThat(seen).isTrue();
      }

      int port = m.config(leader).listen().getPort();
      KeyManager manager = certs.node(Ids.newId(), "swarm-manager");
      KeyManager worker = certs.node(Ids.newId(), "swarm-worker");
      assertThat(connectionSurvives(port, manager)).isTrue();
      assertThat(connectionSurvives(port, worker)).isFalse();
    }
  }

  /**
   * Opens a TLS connection to a manager's Raft port with a client certificate (not checking the
   * server's, which is not what this looks at) and says whether the server kept it open: a refused
   * client certificate ends it right after the handshake.
   */
  private static boolean connectionSurvives(int port, KeyManager clientCert) throws Exception {
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(new KeyManager[] {clientCert}, new TrustManager[] {new TrustingAnyServer()}, null);
    try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
      SSLParameters params = socket.getSSLParameters();
      params.setApplicationProtocols(new String[] {"h2"});
      socket.setSSLParameters(params);
      socket.setSoTimeout(1500);
      socket.startHandshake();
      InputStream in = socket.getInputStream();
      try {
        return in.read() >= 0; // the server's HTTP/2 settings frame: it talks to us
      } catch (SocketTimeoutException quietButOpen) {
        return true;
      }
    } catch (IOException refused) {
      return false;
    }
  }

  private static final class TrustingAnyServer implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  @Test
  void mutualTlsNeedsBothAKeyAndATrustManager() {
    assertThatThrownBy(() -> RaftTls.mutual(null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RaftTls.none().enabled()).isFalse();
  }
}
