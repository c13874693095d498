package shoal.cli;

/**
 * A failure the CLI reports itself: the message goes to stderr (nothing when empty) and the
 * process exits with {@code exitCode}, as docker's {@code StatusError} does.
 */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public CliException(String message) {
    this(message, 1);
  }

  /** Only an exit code: the messages were printed already. */
  public static CliException status(int exitCode) {
    return new CliException("", exitCode);
  }

  public int exitCode() {
    return exitCode;
  }
}
