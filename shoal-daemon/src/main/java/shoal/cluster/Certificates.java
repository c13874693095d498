package shoal.cluster;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Keys, certificate requests and the fields of node certificates. */
public final class Certificates {
  static final String SIGNATURE = "SHA256withECDSA";
  private static final String CURVE = "secp256r1";
  private static final ECParameterSpec P256 = p256();

  private Certificates() {}

  /** A new ECDSA P-256 key pair, the only kind of key in the cluster. */
  public static KeyPair newKeyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec(CURVE));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make an ECDSA P-256 key", e);
    }
  }

  /**
   * A PKCS#10 request (DER) for {@code keys}. It names nobody: the CA decides the subject; the
   * request only proves that the sender holds the private key.
   */
  public static byte[] csr(KeyPair keys) {
    try {
      var signer = new JcaContentSignerBuilder(SIGNATURE).build(keys.getPrivate());
      return new JcaPKCS10CertificationRequestBuilder(new X500Name(new RDN[0]), keys.getPublic())
          .build(signer)
          .getEncoded();
    } catch (OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("cannot make a certificate request", e);
    }
  }

  /** The node ID a node certificate names (CN). */
  public static String nodeId(X509Certificate cert) {
    return field(cert, BCStyle.CN);
  }

  /** The role a node certificate grants (OU). */
  public static NodeRole role(X509Certificate cert) {
    return NodeRole.ofOu(field(cert, BCStyle.OU));
  }

  /** The cluster a node certificate belongs to (O). */
  public static String clusterId(X509Certificate cert) {
    return field(cert, BCStyle.O);
  }

  /** The CA accepts no other key: one curve, one signature algorithm, everywhere. */
  static boolean isP256(PublicKey key) {
    if (!(key instanceof ECPublicKey ec)) {
      return false;
    }
    ECParameterSpec p = ec.getParams();
    return p.getCurve().equals(P256.getCurve()) && p.getGenerator().equals(P256.getGenerator())
        && p.getOrder().equals(P256.getOrder()) && p.getCofactor() == P256.getCofactor();
  }

  private static ECParameterSpec p256() {
    try {
      AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
      params.init(new ECGenParameterSpec(CURVE));
      return params.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no P-256", e);
    }
  }

  private static String field(X509Certificate cert, ASN1ObjectIdentifier type) {
    RDN[] rdns = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(type);
    if (rdns.length != 1) {
      throw new IllegalArgumentException("not a node certificate: " + cert.getSubjectX500Principal());
    }
    return IETFUtils.valueToString(rdns[0].getFirst().getValue());
  }
}
