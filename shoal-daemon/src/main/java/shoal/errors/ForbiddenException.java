package shoal.errors;

/** The request is valid but not allowed here, e.g. a manager call on a worker (403). */
public final class ForbiddenException extends ShoalException {
  public ForbiddenException(String message) {
    super(message);
  }

  public ForbiddenException(String message, Throwable cause) {
    super(message, cause);
  }
}
