package shoal.runtime.image;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/** Content digests as Docker writes them: {@code sha256:<64 hex>}. */
final class Digests {
  static final String SHA256 = "sha256:";
  private static final Pattern DIGEST = Pattern.compile("^sha256:[a-f0-9]{64}$");

  private Digests() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String of(byte[] bytes) {
    return SHA256 + HexFormat.of().formatHex(sha256().digest(bytes));
  }

  static boolean isDigest(String s) {
    return s != null && DIGEST.matcher(s).matches();
  }

  /** The 64 hex digits of a {@code sha256:} digest. */
  static String hex(String digest) {
    return digest.substring(SHA256.length());
  }

  /**
   * Docker's chain IDs: the first layer's is its diffID, each next one the sha256 of
   * {@code "<parent chain ID> <diffID>"}. A layer's chain ID names it with all layers below it.
   */
  static String chainId(String parentChainId, String diffId) {
    return parentChainId == null ? diffId : of((parentChainId + " " + diffId).getBytes(StandardCharsets.UTF_8));
  }

  /** The chain IDs of a stack of layers, bottom first. */
  static List<String> chainIds(List<String> diffIds) {
    String[] out = new String[diffIds.size()];
    String parent = null;
    for (int i = 0; i < out.length; i++) {
      parent = chainId(parent, diffIds.get(i));
      out[i] = parent;
    }
    return List.of(out);
  }
}
