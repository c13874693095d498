package shoal.common;

/** An OS command exited non-zero, timed out or could not start. */
public final class CommandException extends RuntimeException {
  private final transient CommandResult result;

  public CommandException(CommandResult result) {
    super(result.failure());
    this.result = result;
  }

  public CommandException(String message, Throwable cause) {
    super(message, cause);
    this.result = null;
  }

  /** The finished command, or null when it never ran to an exit code. */
  public CommandResult result() {
    return result;
  }
}
