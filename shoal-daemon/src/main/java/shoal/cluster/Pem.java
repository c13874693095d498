package shoal.cluster;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** PEM text of keys (PKCS#8) and certificates, as Docker and openssl read them. */
public final class Pem {
  private Pem() {}

  /** PKCS#8 ("PRIVATE KEY"), which names the curve; SEC1 as JCA writes it by default may not. */
  public static String encode(PrivateKey key) {
    try {
      return write(List.of(new JcaPKCS8Generator(key, null).generate()));
    } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
      throw new IllegalArgumentException("cannot encode the private key: " + e.getMessage(), e);
    }
  }

  public static String encode(List<X509Certificate> certificates) {
    return write(certificates);
  }

  /** The certificates of {@code pem}, in order; other blocks are skipped. */
  public static List<X509Certificate> certificates(String pem) {
    List<X509Certificate> out = new ArrayList<>();
    for (Object o : read(pem)) {
      if (o instanceof X509CertificateHolder h) {
        try {
          out.add(new JcaX509CertificateConverter().getCertificate(h));
        } catch (CertificateException e) {
          throw new IllegalArgumentException("unreadable certificate in PEM: " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  /** The one private key of {@code pem} (PKCS#8 or SEC1 "EC PRIVATE KEY"). */
  public static PrivateKey privateKey(String pem) {
    PrivateKey key = null;
    for (Object o : read(pem)) {
      PrivateKeyInfo info = o instanceof PEMKeyPair kp ? kp.getPrivateKeyInfo() : o instanceof PrivateKeyInfo i ? i : null;
      if (info != null) {
        if (key != null) {
          throw new IllegalArgumentException("more than one private key in PEM");
        }
        try {
          key = new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException e) {
          throw new IllegalArgumentException("unreadable private key in PEM: " + e.getMessage(), e);
        }
      }
    }
    if (key == null) {
      throw new IllegalArgumentException("no private key in PEM");
    }
    return key;
  }

  /** True when {@code key} is the private half of {@code pub} (it signs what {@code pub} verifies). */
  static boolean matches(PrivateKey key, PublicKey pub) {
    try {
      byte[] probe = "shoal key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature s = Signature.getInstance(Certificates.SIGNATURE);
      s.initSign(key);
      s.update(probe);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(Certificates.SIGNATURE);
      v.initVerify(pub);
      v.update(probe);
      return v.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String write(List<?> objects) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      for (Object o : objects) {
        w.writeObject(o);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static List<Object> read(String pem) {
    List<Object> out = new ArrayList<>();
    try (PEMParser p = new PEMParser(new StringReader(pem))) {
      for (Object o = p.readObject(); o != null; o = p.readObject()) {
        out.add(o);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable PEM: " + e.getMessage(), e);
    }
    return out;
  }
}
