package shoal.cli;

import java.util.Map;
import shoal.cli.api.DaemonAddress;
import shoal.cli.api.EngineClient;

/** What every command gets: its streams, the environment, and the daemon client (made on first use). */
public final class CliContext {
  public static final String VERSION = "0.1.0";

  private final Io io;
  private final Map<String, String> env;
  private final String hostFlag;
  private final boolean debug;
  private EngineClient client;

  public CliContext(Io io, Map<String, String> env, String hostFlag, boolean debug) {
    this.io = io;
    this.env = Map.copyOf(env);
    this.hostFlag = hostFlag;
    this.debug = debug;
  }

  public Io io() {
    return io;
  }

  public Map<String, String> env() {
    return env;
  }

  public boolean debug() {
    return debug;
  }

  public EngineClient client() {
    if (client == null) {
      DaemonAddress address;
      try {
        address = DaemonAddress.select(hostFlag, env);
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage());
      }
      client = new EngineClient(address, "shoal-cli/" + VERSION);
    }
    return client;
  }
}
