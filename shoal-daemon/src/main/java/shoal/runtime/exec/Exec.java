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
  // A size asked for before the process started: clients of API < 1.42 cannot send it with the
  // request and resize right after the hijack instead. {rows, columns}, or null.
  private int[] earlySize;

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

  /** Records a size asked for before the process started; false once it has (or has ended). */
  synchronized boolean earlySize(int height, int width) {
    if (session != null || exitCode != null) {
      return false;
    }
    earlySize = new int[] {height, width};
    notifyAll();
    return true;
  }

  /**
   * The terminal size to start with: the request's, else one asked for meanwhile, waiting up to
   * {@code maxWaitMs} for it; {0, 0} if none came.
   */
  synchronized int[] initialSize(long maxWaitMs) throws InterruptedException {
    if (config.consoleHeight() > 0 && config.consoleWidth() > 0) {
      return new int[] {config.consoleHeight(), config.consoleWidth()};
    }
    long deadline = System.nanoTime() + maxWaitMs * 1_000_000;
    while (earlySize == null && System.nanoTime() < deadline) {
      wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    return earlySize == null ? new int[] {0, 0} : earlySize.clone();
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
