package shoal.errors;

/** The request itself is wrong: malformed JSON, a bad name, an invalid subnet (400). */
public final class InvalidArgumentException extends ShoalException {
  public InvalidArgumentException(String message) {
    super(message);
  }

  public InvalidArgumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
