package shoal.cluster;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When a node asks for a new certificate: at a random point between 50 % and 80 % of the current
 * one's life, as Docker does, so that nodes joined together do not all renew at once and a failed
 * attempt leaves time to retry before expiry.
 */
public final class RenewalSchedule {
  static final double EARLIEST = 0.5;
  static final double LATEST = 0.8;

  private RenewalSchedule() {}

  public static Instant renewAt(X509Certificate cert, RandomGenerator random) {
    return renewAt(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), random);
  }

  static Instant renewAt(Instant notBefore, Instant notAfter, RandomGenerator random) {
    long life = Duration.between(notBefore, notAfter).toMillis();
    double fraction = random.nextDouble(EARLIEST, LATEST);
    return notBefore.plusMillis((long) (life * fraction));
  }
}
