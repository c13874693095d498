package shoal.net.nft;

/** {@code nft} refused a transaction; nothing of it was applied (nft -f is all or nothing). */
public final class NftException extends RuntimeException {
  public NftException(String message, Throwable cause) {
    super(message, cause);
  }
}
