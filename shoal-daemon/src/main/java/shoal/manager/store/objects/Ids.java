package shoal.manager.store.objects;

import java.math.BigInteger;
import java.security.SecureRandom;

/** Object IDs as Docker makes them: 128 random bits in base 36, left-padded to 25 characters. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int LENGTH = 25;

  private Ids() {}

  public static String newId() {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    String id = new BigInteger(1, bits).toString(36);
    return "0".repeat(LENGTH - id.length()) + id;
  }
}
