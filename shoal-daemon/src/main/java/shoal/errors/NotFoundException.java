package shoal.errors;

/** An object the request names does not exist (404). */
public final class NotFoundException extends ShoalException {
  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
