package shoal.runtime.exec;

/**
 * One exec instance and its state. Lives in memory only, as in Docker: an exec does not survive
 * the daemon.
 */
public final class Exec {
  private final String id;
  private final ExecTarget target;
  private final ExecConfig config;
  // Guarded by this: the lifecycle of the exec's one run.
  private boolean started;
  private boolean running;
  private Integer exitCode;
  private long pid;
  private ExecSession session;

  Exec(String id, ExecTarget target, ExecConfig config) {
    this.id = id;
    this.target = target;
    this.config = config;
  }

  public String id() {
    return id;
  }

  public ExecTarget target() {
    return target;
  }

  public ExecConfig config() {
    return config;
  }

  /** Marks it started; false if it was already. */
  synchronized boolean begin() {
    if (started) {
      return false;
    }
    started = true;
    running = true;
    return true;
  }

  synchronized void session(ExecSession s) {
    session = s;
  }

  synchronized ExecSession session() {
    return session;
  }

  synchronized void pid(long p) {
    pid = p;
  }

  synchronized void finished(int code) {
    running = false;
    exitCode = code;
  }

  public synchronized boolean running() {
    return running;
  }

  /** Null until it exited. */
  public synchronized Integer exitCode() {
    return exitCode;
  }

  public synchronized long pid() {
    return pid;
  }
}
