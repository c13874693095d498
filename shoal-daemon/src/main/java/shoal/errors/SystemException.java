package shoal.errors;

/**
 * Something on this host failed that the request could not have prevented: a tool exited
 * non-zero, the kernel refused, a file could not be written (500). The message says which
 * step failed and carries the tool's own words.
 */
public final class SystemException extends ShoalException {
  public SystemException(String message) {
    super(message);
  }

  public SystemException(String message, Throwable cause) {
    super(message, cause);
  }
}
