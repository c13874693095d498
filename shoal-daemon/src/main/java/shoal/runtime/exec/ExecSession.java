package shoal.runtime.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import shoal.runtime.runc.Signals;

/**
 * The streams of a started exec: with a terminal, one output and the keystrokes; without, stdout,
 * stderr and stdin pipes. Read them on platform threads (a terminal read blocks in a syscall).
 */
public final class ExecSession {
  private final Pty pty;
  private final Process process;
  private final long pid;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  ExecSession(Pty pty, Process process, long pid) {
    this.pty = pty;
    this.process = process;
    this.pid = pid;
  }

  public boolean tty() {
    return pty != null;
  }

  /** Stdout, or with a terminal all output. */
  public InputStream stdout() {
    return pty != null ? pty.input() : process.getInputStream();
  }

  /** Stderr; null with a terminal. */
  public InputStream stderr() {
    return pty != null ? null : process.getErrorStream();
  }

  public OutputStream stdin() {
    return pty != null ? pty.output() : process.getOutputStream();
  }

  /** The client's stdin ended: so does the process's (no effect on a terminal). */
  public void closeStdin() {
    if (pty == null) {
      try {
        process.getOutputStream().close();
      } catch (IOException ignored) {
        // the process is gone already
      }
    }
  }

  /** Completes with the exec's exit code once it is recorded. */
  public CompletableFuture<Integer> exit() {
    return exit;
  }

  void resize(int height, int width) throws IOException {
    if (pty != null) {
      pty.resize(height, width);
      Posix.kill(pid, Signals.SIGWINCH);
    }
  }

  long pid() {
    return pid;
  }

  Process process() {
    return process;
  }

  /** Releases the terminal once its output was read to the end. */
  public void closeTerminal() {
    if (pty != null) {
      pty.close();
    }
  }
}
