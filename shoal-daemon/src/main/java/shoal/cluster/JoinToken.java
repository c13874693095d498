package shoal.cluster;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import shoal.errors.InvalidArgumentException;

/**
 * A join token, {@code SWMTKN-1-<CA digest>-<secret>}: the digest (sha256 of the root CA
 * certificate's DER, base36, 50 characters) lets the joining node pin the CA; the secret (128
 * random bits, base36, 25 characters) proves to the CA that a manager handed the token out.
 */
public record JoinToken(String caDigest, String secret) {
  static final String PREFIX = "SWMTKN";
  static final String VERSION = "1";
  static final int DIGEST_LENGTH = 50;
  static final int SECRET_LENGTH = 25;
  /** Docker's words for a token that is not even of the right form. */
  static final String MALFORMED = "invalid join token";
  private static final SecureRandom RANDOM = new SecureRandom();

  public JoinToken {
    if (!isBase36(caDigest, DIGEST_LENGTH) || !isBase36(secret, SECRET_LENGTH)) {
      throw new InvalidArgumentException(MALFORMED);
    }
  }

  /** Reads a token as a user typed it; surrounding blanks are forgiven, nothing else. */
  public static JoinToken parse(String text) {
    if (text == null) {
      throw new InvalidArgumentException(MALFORMED);
    }
    String[] parts = text.strip().split("-", -1);
    if (parts.length != 4 || !parts[0].equals(PREFIX) || !parts[1].equals(VERSION)) {
      throw new InvalidArgumentException(MALFORMED);
    }
    return new JoinToken(parts[2], parts[3]);
  }

  public static JoinToken of(X509Certificate rootCa, String secret) {
    return new JoinToken(digestOf(rootCa), secret);
  }

  /** A fresh secret. */
  public static String newSecret() {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    return ClusterIds.base36(bits, SECRET_LENGTH);
  }

  /** The token's form of a root CA's fingerprint. */
  public static String digestOf(X509Certificate rootCa) {
    try {
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(rootCa.getEncoded());
      return ClusterIds.base36(sha, DIGEST_LENGTH);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot digest the root CA certificate", e);
    }
  }

  public String format() {
    return PREFIX + "-" + VERSION + "-" + caDigest + "-" + secret;
  }

  @Override
  public String toString() {
    return format();
  }

  private static boolean isBase36(String s, int length) {
    return s != null && s.length() == length && s.chars().allMatch(ClusterIds::isBase36Digit);
  }
}
