package shoal.cli.term;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The local terminal, through {@code stty} on {@code /dev/tty} (the one OS tool this class wraps):
 * raw mode for {@code run -it}/{@code exec -it}, and the window size to forward.
 */
public final class Terminal {
  private static final long STTY_TIMEOUT_S = 5;

  private Terminal() {}

  /**
   * Whether file descriptor {@code fd} of this process is a terminal. java.io.File rather than
   * java.nio.file: every command asks this, and NIO's file system costs ~15 ms to start.
   */
  public static boolean isTerminal(int fd) {
    try {
      String target = new File("/proc/self/fd/" + fd).getCanonicalPath();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Puts the terminal in raw mode (no echo, no line editing, no signals: keystrokes go to the
   * container as they are typed) and returns how to restore it.
   */
  public static RawMode makeRaw() throws IOException {
    String saved = stty("-g").strip();
    stty("raw", "-echo");
    return new RawMode(saved);
  }

  /** The terminal's size as {rows, columns}, if there is a terminal. */
  public static Optional<int[]> size() {
    try {
      String[] parts = stty("size").strip().split("\\s+");
      return Optional.of(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Raw mode in force; {@link #close()} restores the settings saved before. */
  public static final class RawMode implements AutoCloseable {
    private final String saved;
    private boolean restored;

    private RawMode(String saved) {
      this.saved = saved;
    }

    @Override
    public synchronized void close() {
      if (restored) {
        return;
      }
      restored = true;
      try {
        stty(saved);
      } catch (IOException e) {
        // Nothing better to do on the way out than leave the terminal as it is.
      }
    }
  }

  private static String stty(String... args) throws IOException {
    List<String> argv = new java.util.ArrayList<>(List.of("stty"));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv)
        .redirectInput(new File("/dev/tty"))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(STTY_TIMEOUT_S, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("stty " + String.join(" ", args) + " did not finish");
      }
      if (p.exitValue() != 0) {
        throw new IOException("stty " + String.join(" ", args) + " failed with " + p.exitValue());
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
