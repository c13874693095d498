package shoal.runtime.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * A pseudo-terminal whose master side the daemon holds: the container's (or exec's) runc gets the
 * slave as its stdio, and {@link #resize} sets the window size that runc copies into the
 * container's own terminal. Reads block; do them on a platform thread.
 */
public final class Pty implements AutoCloseable {
  private static final long TIOCSWINSZ = 0x5414;
  private static final MethodHandle OPENPT =
      Posix.fn("posix_openpt", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), -1);
  private static final MethodHandle GRANTPT =
      Posix.fn("grantpt", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), -1);
  private static final MethodHandle UNLOCKPT =
      Posix.fn("unlockpt", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), -1);
  private static final MethodHandle PTSNAME_R =
      Posix.fn(
          "ptsname_r",
          FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
          -1);

  private final int master;
  private final Path slavePath;
  private volatile boolean closed;

  private Pty(int master, Path slavePath) {
    this.master = master;
    this.slavePath = slavePath;
  }

  /** Opens a new terminal pair; the slave is reached by {@link #slavePath()}. */
  public static Pty open() throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(Posix.CALL_STATE);
      int fd = (int) OPENPT.invokeExact(st, Posix.O_RDWR | Posix.O_NOCTTY | Posix.O_CLOEXEC);
      if (fd < 0) {
        throw new Posix.PosixException("posix_openpt", Posix.errno(st));
      }
      try {
        if ((int) GRANTPT.invokeExact(st, fd) != 0) {
          throw new Posix.PosixException("grantpt", Posix.errno(st));
        }
        if ((int) UNLOCKPT.invokeExact(st, fd) != 0) {
          throw new Posix.PosixException("unlockpt", Posix.errno(st));
        }
        MemorySegment name = a.allocate(128);
        int r = (int) PTSNAME_R.invokeExact(st, fd, name, 128L);
        if (r != 0) {
          throw new Posix.PosixException("ptsname_r", r);
        }
        return new Pty(fd, Path.of(name.getString(0)));
      } catch (IOException | RuntimeException e) {
        Posix.close(fd);
        throw e;
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Wraps a master descriptor taken back from a living process (see {@link Posix#takeFd}). */
  public static Pty ofMaster(int fd) {
    return new Pty(fd, null);
  }

  public int masterFd() {
    return master;
  }

  /** The slave's path (/dev/pts/N); null for a master taken back after a restart. */
  public Path slavePath() {
    return slavePath;
  }

  /** Opens the slave side; the caller closes it once the process that uses it has it. */
  public int openSlave() throws IOException {
    return Posix.open(slavePath, Posix.O_RDWR | Posix.O_NOCTTY | Posix.O_CLOEXEC);
  }

  /**
   * Sets the terminal's size; nothing once closed. Synchronized with {@link #close} so that a late
   * resize (the process has just exited) never reaches a descriptor number reused for another file.
   */
  public synchronized void resize(int height, int width) throws IOException {
    if (closed) {
      return;
    }
    try (Arena a = Arena.ofConfined()) {
      MemorySegment ws = a.allocate(8);
      ws.set(ValueLayout.JAVA_SHORT, 0, (short) height);
      ws.set(ValueLayout.JAVA_SHORT, 2, (short) width);
      Posix.ioctl(master, TIOCSWINSZ, ws, "ioctl TIOCSWINSZ");
    }
  }

  /** What the process writes to its terminal; ends when every slave descriptor is closed. */
  public InputStream input() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] b = new byte[1];
        return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
          return -1;
        }
        return Posix.read(master, b, off, Math.min(len, 64 * 1024));
      }
    };
  }

  /** Keystrokes for the process. */
  public OutputStream output() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
          throw new IOException("terminal closed");
        }
        Posix.writeFully(master, b, off, len);
      }
    };
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      Posix.close(master);
    }
  }
}
