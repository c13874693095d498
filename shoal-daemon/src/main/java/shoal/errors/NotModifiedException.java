package shoal.errors;

/** Nothing to do: the object is already in the asked state (304). */
public final class NotModifiedException extends ShoalException {
  public NotModifiedException(String message) {
    super(message);
  }

  public NotModifiedException(String message, Throwable cause) {
    super(message, cause);
  }
}
