package shoal.manager.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A throw-away cluster CA and node certificates made with the JDK's keytool (as the swarm's CA
 * would make them: EC P-256, CN = node ID, OU = swarm-manager | swarm-worker, O = cluster ID).
 */
final class TestCerts {
  private static final String PASSWORD = "changeit";
  private static final long KEYTOOL_TIMEOUT_S = 60;

  private final Path dir;
  private final String clusterId;
  private final X509TrustManager trustManager;

  TestCerts(Path dir, String clusterId) throws Exception {
    this.dir = Files.createDirectories(dir);
    this.clusterId = clusterId;
    keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=swarm-ca", "-ext", "BC:c=ca:true", "-ext", "KU=keyCertSign,cRLSign",
        "-validity", "2", "-keystore", file("ca.p12"), "-storetype", "PKCS12");
    keytool("-exportcert", "-alias", "ca", "-keystore", file("ca.p12"), "-rfc",
        "-file", file("ca.crt"));
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(dir.resolve("ca.crt"))) {
      trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    this.trustManager = (X509TrustManager) tmf.getTrustManagers()[0];
  }

  X509TrustManager trustManager() {
    return trustManager;
  }

  /** The key manager of a node certificate signed by the CA, with the given OU. */
  KeyManager node(String nodeId, String ou) throws Exception {
    String ks = file(nodeId + ".p12");
    keytool("-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=" + nodeId + ",OU=" + ou + ",O=" + clusterId, "-validity", "2",
        "-keystore", ks, "-storetype", "PKCS12");
    keytool("-certreq", "-alias", "node", "-keystore", ks, "-file", file(nodeId + ".csr"));
    keytool("-gencert", "-alias", "ca", "-keystore", file("ca.p12"), "-infile",
        file(nodeId + ".csr"), "-outfile", file(nodeId + ".crt"), "-rfc", "-validity", "2",
        "-ext", "KU=digitalSignature,keyAgreement", "-ext", "EKU=serverAuth,clientAuth");
    keytool("-importcert", "-alias", "ca", "-keystore", ks, "-file", file("ca.crt"), "-noprompt");
    keytool("-importcert", "-alias", "node", "-keystore", ks, "-file", file(nodeId + ".crt"));
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(Path.of(ks))) {
      store.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, PASSWORD.toCharArray());
    return kmf.getKeyManagers()[0];
  }

  private String file(String name) {
    return dir.resolve(name).toString();
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    command.addAll(List.of("-storepass", PASSWORD));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!p.waitFor(KEYTOOL_TIMEOUT_S, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("keytool timed out: " + command);
    }
    String out = new String(p.getInputStream().readAllBytes());
    if (p.exitValue() != 0) {
      throw new IOException("keytool failed: " + command + "\n" + out);
    }
  }
}
