package shoal.cli.api;

/**
 * The daemon answered with an error: status and its {@code message}. {@link #getMessage()} is what
 * the docker CLI prints: {@code Error response from daemon: <message>}.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String daemonMessage;

  public ApiException(int status, String daemonMessage) {
    super("Error response from daemon: " + daemonMessage);
    this.status = status;
    this.daemonMessage = daemonMessage;
  }

  public int status() {
    return status;
  }

  public String daemonMessage() {
    return daemonMessage;
  }

  public boolean isNotFound() {
    return status == 404;
  }
}
