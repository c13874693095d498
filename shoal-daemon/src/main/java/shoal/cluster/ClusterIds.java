package shoal.cluster;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * IDs of cluster objects (nodes, services, tasks, networks, the cluster itself), as Docker makes
 * them: 128 random bits written in base36, left-padded with zeros to 25 characters
 * ({@code ef777uvjt5598boqn29gzmakh}).
 */
public final class ClusterIds {
  public static final int LENGTH = 25;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ClusterIds() {}

  public static String newId() {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    return base36(bits, LENGTH);
  }

  /** True for a string that {@link #newId()} could have made. */
  public static boolean isValid(String id) {
    return id != null && id.length() == LENGTH && id.chars().allMatch(ClusterIds::isBase36Digit)
        && new BigInteger(id, 36).bitLength() <= 128;
  }

  /** Unsigned big-endian {@code bytes} in lower-case base36, left-padded with '0' to {@code width}. */
  static String base36(byte[] bytes, int width) {
    String digits = new BigInteger(1, bytes).toString(36);
    if (digits.length() > width) {
      throw new IllegalArgumentException(bytes.length + " bytes do not fit in " + width + " base36 digits");
    }
    return "0".repeat(width - digits.length()) + digits;
  }

  static boolean isBase36Digit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
  }
}
