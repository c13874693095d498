package shoal.errors;

/** The request clashes with the current state, e.g. a name already in use (409). */
public final class ConflictException extends ShoalException {
  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
