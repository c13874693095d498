package shoal.runtime.exec;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The few libc calls the runtime needs that Java has no API for: file descriptors of FIFOs and
 * terminals, signals to arbitrary processes, spawning a detached process with chosen descriptors,
 * and taking a descriptor back from a living process (pidfd_getfd) after a daemon restart.
 *
 * <p>Every call is a blocking syscall on the calling thread; callers that block for long (reads
 * of a terminal) run on platform threads, never on virtual ones, which would pin a carrier.
 */
public final class Posix {
  public static final int O_RDONLY = 0;
  public static final int O_WRONLY = 1;
  public static final int O_RDWR = 2;
  public static final int O_NOCTTY = 0x100;
  public static final int O_NONBLOCK = 0x800;
  public static final int O_CLOEXEC = 0x80000;
  static final int EINTR = 4;
  static final int EIO = 5;
  static final int EAGAIN = 11;
  private static final int F_SETPIPE_SZ = 1031;
  private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
  private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
  // glibc's opaque types, allocated larger than they are (80, 336 and 128 bytes on x86-64).
  private static final long FILE_ACTIONS_SIZE = 256;
  private static final long SPAWN_ATTR_SIZE = 512;
  private static final long SIGSET_SIZE = 256;

  private static final Linker LINKER = Linker.nativeLinker();
  static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
  private static final java.lang.foreign.AddressLayout PTR = ValueLayout.ADDRESS;

  private static final MethodHandle OPEN = fn("open", FunctionDescriptor.of(INT, PTR, INT, INT), 2);
  private static final MethodHandle CLOSE = fn("close", FunctionDescriptor.of(INT, INT), -1);
  private static final MethodHandle READ = fn("read", FunctionDescriptor.of(LONG, INT, PTR, LONG), -1);
  private static final MethodHandle WRITE = fn("write", FunctionDescriptor.of(LONG, INT, PTR, LONG), -1);
  private static final MethodHandle FCNTL = fn("fcntl", FunctionDescriptor.of(INT, INT, INT, INT), 2);
  private static final MethodHandle IOCTL = fn("ioctl", FunctionDescriptor.of(INT, INT, LONG, PTR), 2);
  private static final MethodHandle MKFIFO = fn("mkfifo", FunctionDescriptor.of(INT, PTR, INT), -1);
  private static final MethodHandle KILL = fn("kill", FunctionDescriptor.of(INT, INT, INT), -1);
  private static final MethodHandle WAITPID = fn("waitpid", FunctionDescriptor.of(INT, INT, PTR, INT), -1);
  private static final MethodHandle PIDFD_OPEN = fn("pidfd_open", FunctionDescriptor.of(INT, INT, INT), -1);
  private static final MethodHandle PIDFD_GETFD = fn("pidfd_getfd", FunctionDescriptor.of(INT, INT, INT, INT), -1);
  private static final MethodHandle STRERROR = plain("strerror", FunctionDescriptor.of(PTR, INT), -1);
  private static final MethodHandle SIGFILLSET = plain("sigfillset", FunctionDescriptor.of(INT, PTR), -1);
  private static final MethodHandle SIGEMPTYSET = plain("sigemptyset", FunctionDescriptor.of(INT, PTR), -1);
  private static final MethodHandle FA_INIT = plain("posix_spawn_file_actions_init", FunctionDescriptor.of(INT, PTR), -1);
  private static final MethodHandle FA_DESTROY = plain("posix_spawn_file_actions_destroy", FunctionDescriptor.of(INT, PTR), -1);
  private static final MethodHandle FA_DUP2 = plain("posix_spawn_file_actions_adddup2", FunctionDescriptor.of(INT, PTR, INT, INT), -1);
  private static final MethodHandle FA_OPEN = plain("posix_spawn_file_actions_addopen", FunctionDescriptor.of(INT, PTR, INT, PTR, INT, INT), -1);
  private static final MethodHandle FA_CLOSEFROM = plain("posix_spawn_file_actions_addclosefrom_np", FunctionDescriptor.of(INT, PTR, INT), -1);
  private static final MethodHandle ATTR_INIT = plain("posix_spawnattr_init", FunctionDescriptor.of(INT, PTR), -1);
  private static final MethodHandle ATTR_DESTROY = plain("posix_spawnattr_destroy", FunctionDescriptor.of(INT, PTR), -1);
  private static final MethodHandle ATTR_FLAGS = plain("posix_spawnattr_setflags", FunctionDescriptor.of(INT, PTR, ValueLayout.JAVA_SHORT), -1);
  private static final MethodHandle ATTR_SIGDEF = plain("posix_spawnattr_setsigdefault", FunctionDescriptor.of(INT, PTR, PTR), -1);
  private static final MethodHandle ATTR_SIGMASK = plain("posix_spawnattr_setsigmask", FunctionDescriptor.of(INT, PTR, PTR), -1);
  private static final MethodHandle SPAWN = plain("posix_spawn", FunctionDescriptor.of(INT, PTR, PTR, PTR, PTR, PTR, PTR), -1);

  private Posix() {}

  /** A function that reports failure through errno, which is captured as its first argument. */
  static MethodHandle fn(String name, FunctionDescriptor fd, int firstVariadic) {
    MemorySegment sym =
        LINKER.defaultLookup().find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
    return firstVariadic < 0
        ? LINKER.downcallHandle(sym, fd, Linker.Option.captureCallState("errno"))
        : LINKER.downcallHandle(
            sym, fd, Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(firstVariadic));
  }

  /** A function that returns its error number (posix_spawn's family) or cannot fail. */
  private static MethodHandle plain(String name, FunctionDescriptor fd, int unused) {
    MemorySegment sym =
        LINKER.defaultLookup().find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
    return LINKER.downcallHandle(sym, fd);
  }

  /** A failed call with the kernel's errno and words. */
  public static final class PosixException extends IOException {
    private final int errno;

    PosixException(String what, int errno) {
      super(what + ": " + strerror(errno));
      this.errno = errno;
    }

    public int errno() {
      return errno;
    }
  }

  static String strerror(int errno) {
    try {
      MemorySegment s = (MemorySegment) STRERROR.invokeExact(errno);
      return s.reinterpret(256).getString(0);
    } catch (Throwable t) {
      return "errno " + errno;
    }
  }

  static int errno(MemorySegment state) {
    return (int) ERRNO.get(state, 0L);
  }

  private static PosixException fail(String what, MemorySegment state) {
    return new PosixException(what, errno(state));
  }

  // ------------------------------------------------------------------ descriptors

  public static int open(Path path, int flags) throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CALL_STATE);
      int fd = (int) OPEN.invokeExact(st, a.allocateFrom(path.toString()), flags, 0);
      if (fd < 0) {
        throw fail("open " + path, st);
      }
      return fd;
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  public static void close(int fd) {
    if (fd < 0) {
      return;
    }
    try (Arena a = Arena.ofConfined()) {
      int r = (int) CLOSE.invokeExact(a.allocate(CALL_STATE), fd);
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Reads up to {@code len} bytes; -1 at end of file, and also when a terminal's other side is gone (EIO). */
  public static int read(int fd, byte[] buf, int off, int len) throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CALL_STATE);
      MemorySegment mem = a.allocate(len);
      while (true) {
        long n = (long) READ.invokeExact(st, fd, mem, (long) len);
        if (n >= 0) {
          if (n == 0) {
            return -1;
          }
          MemorySegment.copy(mem, ValueLayout.JAVA_BYTE, 0, buf, off, (int) n);
          return (int) n;
        }
        int e = errno(st);
        if (e == EINTR) {
          continue;
        }
        if (e == EIO) {
          return -1;
        }
        throw new PosixException("read", e);
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  public static void writeFully(int fd, byte[] buf, int off, int len) throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CALL_STATE);
      MemorySegment mem = a.allocate(Math.max(1, len));
      MemorySegment.copy(buf, off, mem, ValueLayout.JAVA_BYTE, 0, len);
      long done = 0;
      while (done < len) {
        long n = (long) WRITE.invokeExact(st, fd, mem.asSlice(done), (long) len - done);
        if (n < 0) {
          int e = errno(st);
          if (e == EINTR) {
            continue;
          }
          throw new PosixException("write", e);
        }
        done += n;
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Makes a pipe's buffer {@code bytes} large (F_SETPIPE_SZ); returns the size the kernel chose. */
  public static int setPipeSize(int fd, int bytes) throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CALL_STATE);
      int r = (int) FCNTL.invokeExact(st, fd, F_SETPIPE_SZ, bytes);
      if (r < 0) {
        throw fail("fcntl F_SETPIPE_SZ", st);
      }
      return r;
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** ioctl with a pointer argument. */
  static void ioctl(int fd, long request, MemorySegment arg, String what) throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CALL_STATE);
      int r = (int) IOCTL.invokeExact(st, fd, request, arg);
      if (r < 0) {
        throw fail(what, st);
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  public static void mkfifo(Path path, int mode) throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CALL_STATE);
      int r = (int) MKFIFO.invokeExact(st, a.allocateFrom(path.toString()), mode);
      if (r < 0) {
        throw fail("mkfifo " + path, st);
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  // ------------------------------------------------------------------ processes

  /** Sends a signal; false when the process does not exist (any more). */
  public static boolean kill(long pid, int signal) throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CALL_STATE);
      int r = (int) KILL.invokeExact(st, (int) pid, signal);
      if (r < 0) {
        int e = errno(st);
        if (e == 3) { // ESRCH
          return false;
        }
        throw new PosixException("kill " + pid, e);
      }
      return true;
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Waits for a child of this process and returns its raw wait status. */
  static int waitpid(long pid) throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CALL_STATE);
      MemorySegment status = a.allocate(INT);
      while (true) {
        int r = (int) WAITPID.invokeExact(st, (int) pid, status, 0);
        if (r >= 0) {
          return status.get(INT, 0);
        }
        if (errno(st) != EINTR) {
          throw fail("waitpid " + pid, st);
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /**
   * Copies descriptor {@code targetFd} of a living process into this one (pidfd_getfd), which is
   * how the daemon takes back a terminal's master side that a container's wrapper kept for it.
   */
  public static int takeFd(long pid, int targetFd) throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CALL_STATE);
      int pidfd = (int) PIDFD_OPEN.invokeExact(st, (int) pid, 0);
      if (pidfd < 0) {
        throw fail("pidfd_open " + pid, st);
      }
      try {
        int fd = (int) PIDFD_GETFD.invokeExact(st, pidfd, targetFd, 0);
        if (fd < 0) {
          throw fail("pidfd_getfd " + pid + " " + targetFd, st);
        }
        return fd;
      } finally {
        close(pidfd);
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /**
   * Starts {@code argv} with exactly the descriptors of {@code fds} (child fd → our fd), standard
   * ones not in the map on /dev/null, every other descriptor closed, signals at their defaults and
   * unblocked. Returns its pid; the caller reaps it with {@link #awaitExit}.
   */
  public static long spawn(List<String> argv, Map<String, String> env, Map<Integer, Integer> fds)
      throws IOException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment st = a.allocate(CALL_STATE);
      MemorySegment fa = a.allocate(FILE_ACTIONS_SIZE, 16);
      MemorySegment attr = a.allocate(SPAWN_ATTR_SIZE, 16);
      check((int) FA_INIT.invokeExact(fa), "posix_spawn_file_actions_init");
      check((int) ATTR_INIT.invokeExact(attr), "posix_spawnattr_init");
      try {
        MemorySegment devNull = a.allocateFrom("/dev/null");
        int top = 3;
        for (int child = 0; child < 3; child++) {
          if (!fds.containsKey(child)) {
            check((int) FA_OPEN.invokeExact(fa, child, devNull, child == 0 ? O_RDONLY : O_WRONLY, 0), "addopen");
          }
        }
        for (var e : fds.entrySet()) {
          check((int) FA_DUP2.invokeExact(fa, (int) e.getValue(), (int) e.getKey()), "adddup2");
          top = Math.max(top, e.getKey() + 1);
        }
        check((int) FA_CLOSEFROM.invokeExact(fa, top), "addclosefrom_np");
        MemorySegment all = a.allocate(SIGSET_SIZE, 16);
        MemorySegment none = a.allocate(SIGSET_SIZE, 16);
        check((int) SIGFILLSET.invokeExact(all), "sigfillset");
        check((int) SIGEMPTYSET.invokeExact(none), "sigemptyset");
        check((int) ATTR_SIGDEF.invokeExact(attr, all), "setsigdefault");
        check((int) ATTR_SIGMASK.invokeExact(attr, none), "setsigmask");
        check((int) ATTR_FLAGS.invokeExact(attr, (short) (POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)), "setflags");
        MemorySegment cargv = strings(a, argv);
        MemorySegment cenv =
            strings(a, env.entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).toList());
        MemorySegment pid = a.allocate(INT);
        int r = (int) SPAWN.invokeExact(pid, a.allocateFrom(argv.get(0)), fa, attr, cargv, cenv);
        if (r != 0) {
          throw new PosixException("posix_spawn " + argv.get(0), r);
        }
        return pid.get(INT, 0);
      } finally {
        int r1 = (int) FA_DESTROY.invokeExact(fa);
        int r2 = (int) ATTR_DESTROY.invokeExact(attr);
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Reaps a child started by {@link #spawn}; returns its exit code (128 + signal if killed). */
  public static int awaitExit(long pid) throws IOException {
    int status = waitpid(pid);
    int sig = status & 0x7f;
    return sig == 0 ? (status >> 8) & 0xff : 128 + sig;
  }

  private static void check(int r, String what) throws PosixException {
    if (r != 0) {
      throw new PosixException(what, r);
    }
  }

  private static MemorySegment strings(Arena a, List<String> values) {
    MemorySegment arr = a.allocate(PTR, values.size() + 1L);
    for (int i = 0; i < values.size(); i++) {
      arr.setAtIndex(PTR, i, a.allocateFrom(values.get(i)));
    }
    arr.setAtIndex(PTR, values.size(), MemorySegment.NULL);
    return arr;
  }
}
