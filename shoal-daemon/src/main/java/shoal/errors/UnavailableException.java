package shoal.errors;

/** The node cannot serve this now, e.g. no swarm or no leader (503). */
public final class UnavailableException extends ShoalException {
  public UnavailableException(String message) {
    super(message);
  }

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
