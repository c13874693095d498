package shoal.cli.term;

/**
 * POSIX signals the CLI reacts to: window changes (forwarded as resizes) and, for attached runs
 * without a TTY, the signals docker proxies to the container (INT, TERM, HUP, QUIT, USR1, USR2).
 * Uses {@code sun.misc.Signal}, the JDK's only way to observe SIGWINCH.
 */
public final class Signals {
  private Signals() {}

  /** Calls {@code onChange} on every SIGWINCH; false if the JVM does not allow it. */
  public static boolean onWindowChange(Runnable onChange) {
    return handle("WINCH", name -> onChange.run());
  }

  /** Calls {@code proxy} with the signal's name (e.g. {@code INT}) instead of the JVM's default. */
  public static void proxy(java.util.function.Consumer<String> proxy) {
    for (String s : new String[] {"INT", "TERM", "HUP", "QUIT", "USR1", "USR2"}) {
      handle(s, proxy);
    }
  }

  /**
   * Runs {@code action} on SIGINT instead of ending the process, until the returned handle is
   * closed, which puts back the previous handler.
   */
  @SuppressWarnings("removal")
  public static Handler onInterrupt(Runnable action) {
    try {
      sun.misc.Signal sig = new sun.misc.Signal("INT");
      sun.misc.SignalHandler previous = sun.misc.Signal.handle(sig, s -> action.run());
      return () -> sun.misc.Signal.handle(sig, previous);
    } catch (IllegalArgumentException unavailable) {
      return () -> { };
    }
  }

  /** A handler in place until closed. */
  public interface Handler extends AutoCloseable {
    @Override
    void close();
  }

  @SuppressWarnings("removal")
  private static boolean handle(String name, java.util.function.Consumer<String> action) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> action.accept(sig.getName()));
      return true;
    } catch (IllegalArgumentException unavailable) {
      return false;
    }
  }
}
