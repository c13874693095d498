package shoal.cluster;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import shoal.errors.InvalidArgumentException;

/**
 * The cluster's root CA: an ECDSA P-256 key and its self-signed certificate, made at
 * {@code swarm init} and valid 20 years. It signs node certificates: CN = node ID,
 * OU = role, O = cluster ID.
 */
public final class RootCa {
  public static final Duration VALIDITY = Duration.ofDays(20 * 365);
  /** Docker's default node certificate validity ({@code --cert-expiry 2160h}). */
  public static final Duration DEFAULT_NODE_VALIDITY = Duration.ofDays(90);
  /** Node certificates start this much before their issue, for clocks a little behind. */
  static final Duration MAX_BACKDATE = Duration.ofHours(1);
  static final String SUBJECT = "swarm-ca";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final X509Certificate certificate;
  private final PrivateKey key;

  private RootCa(X509Certificate certificate, PrivateKey key) {
    this.certificate = certificate;
    this.key = key;
  }

  /** A new root CA valid from {@code now} for {@link #VALIDITY}. */
  public static RootCa create(Instant now) {
    KeyPair keys = Certificates.newKeyPair();
    X500Name name = new X500Name("CN=" + SUBJECT);
    try {
      var ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now),
          Date.from(now.plus(VALIDITY)), name, keys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
      return new RootCa(sign(b, keys.getPrivate()), keys.getPrivate());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot make the root CA", e);
    }
  }

  /** The CA from its stored certificate and key; refuses a key that is not the certificate's. */
  public static RootCa of(X509Certificate certificate, PrivateKey key) {
    if (!Pem.matches(key, certificate.getPublicKey())) {
      throw new IllegalArgumentException("the CA key does not belong to the CA certificate");
    }
    return new RootCa(certificate, key);
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public PrivateKey key() {
    return key;
  }

  /** The fingerprint join tokens carry. */
  public String digest() {
    return JoinToken.digestOf(certificate);
  }

  /**
   * Signs the key of {@code csrDer} for a node.
   *
   * @throws InvalidArgumentException when the request is not a well-formed, self-signed request for
   *     an ECDSA P-256 key
   */
  public X509Certificate issue(byte[] csrDer, String nodeId, NodeRole role, String clusterId,
      Duration validity, Instant now) {
    PublicKey nodeKey = verifiedKey(csrDer);
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("certificate validity must be positive: " + validity);
    }
    Duration backdate = validity.dividedBy(10).compareTo(MAX_BACKDATE) < 0 ? validity.dividedBy(10) : MAX_BACKDATE;
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, clusterId).addRDN(BCStyle.OU, role.ou()).addRDN(BCStyle.CN, nodeId).build();
    try {
      var ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, serial(),
          Date.from(now.minus(backdate)), Date.from(now.plus(validity)), subject, nodeKey)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
          .addExtension(Extension.extendedKeyUsage, false,
              new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
          .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
              new GeneralName(GeneralName.dNSName, role.ou()), new GeneralName(GeneralName.dNSName, nodeId)}))
          .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(nodeKey))
          .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
      return sign(b, key);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot sign the certificate of node " + nodeId, e);
    }
  }

  private static PublicKey verifiedKey(byte[] csrDer) {
    try {
      var csr = new JcaPKCS10CertificationRequest(csrDer);
      PublicKey key = csr.getPublicKey();
      if (!Certificates.isP256(key)) {
        throw new InvalidArgumentException("certificate request: the key must be ECDSA P-256");
      }
      if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
        throw new InvalidArgumentException("certificate request: the signature does not match its key");
      }
      return key;
    } catch (IOException | RuntimeException | GeneralSecurityException | OperatorCreationException | PKCSException e) {
      if (e instanceof InvalidArgumentException i) {
        throw i;
      }
      throw new InvalidArgumentException("certificate request: not a valid PKCS#10 request", e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(Certificates.SIGNATURE).build(key)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static BigInteger serial() {
    return new BigInteger(127, RANDOM).setBit(126);
  }
}
