package shoal.cli.api;

import java.io.IOException;

/** No daemon listens where the CLI looked; the message says where, as the docker CLI does. */
public final class DaemonUnreachableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DaemonUnreachableException(DaemonAddress address, IOException cause) {
    super("Cannot connect to the Shoal daemon at " + address + ". Is the daemon running?", cause);
  }
}
