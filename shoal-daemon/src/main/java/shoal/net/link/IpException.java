package shoal.net.link;

/**
 * {@code ip} refused a step. {@link #failedLine} says which step of the batch, so that a caller
 * knows what had been done before it.
 */
public class IpException extends RuntimeException {
  private final String netns;
  private final int failedLine;
  private final String toolMessage;

  public IpException(String netns, int failedLine, String line, String toolMessage) {
    super("ip" + (netns == null ? "" : " -n " + netns) + ": `" + line + "` failed: " + toolMessage);
    this.netns = netns;
    this.failedLine = failedLine;
    this.toolMessage = toolMessage;
  }

  /** The namespace the batch ran in, null for the host's. */
  public String netns() {
    return netns;
  }

  /**
   * 0-based index of the step that failed (the steps before it were done), or -1 when ip did not
   * say (then any step may have been done).
   */
  public int failedLine() {
    return failedLine;
  }

  public String toolMessage() {
    return toolMessage;
  }

  /** The object to add exists already. */
  public static final class Exists extends IpException {
    public Exists(String netns, int failedLine, String line, String toolMessage) {
      super(netns, failedLine, line, toolMessage);
    }
  }

  /** The device or namespace named does not exist. */
  public static final class NotFound extends IpException {
    public NotFound(String netns, int failedLine, String line, String toolMessage) {
      super(netns, failedLine, line, toolMessage);
    }
  }
}
