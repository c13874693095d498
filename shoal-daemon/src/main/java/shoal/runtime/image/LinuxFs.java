package shoal.runtime.image;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;

/**
 * The file system calls Java has no API for, through FFM on libc: device nodes (overlayfs
 * whiteouts are 0/0 character devices) and extended attributes (overlayfs opaque directories,
 * file capabilities).
 */
@SuppressWarnings("restricted") // FFM downcalls into libc are the point of this class
final class LinuxFs {
  static final int S_IFCHR = 0020000;
  static final int S_IFBLK = 0060000;
  static final int S_IFIFO = 0010000;

  private static final Linker LINKER = Linker.nativeLinker();
  private static final SymbolLookup LIBC = LINKER.defaultLookup();
  private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CALL_STATE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
  private static final MethodHandle MKNOD =
      downcall("mknod", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
  private static final MethodHandle LSETXATTR =
      downcall(
          "lsetxattr",
          FunctionDescriptor.of(
              ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
              ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
  private static final MethodHandle STRERROR =
      LINKER.downcallHandle(
          LIBC.find("strerror").orElseThrow(), FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT));

  private LinuxFs() {}

  private static MethodHandle downcall(String name, FunctionDescriptor fd) {
    return LINKER.downcallHandle(
        LIBC.find(name).orElseThrow(() -> new IllegalStateException("libc has no " + name)),
        fd,
        Linker.Option.captureCallState("errno"));
  }

  /** Linux's encoding of a device number (glibc's makedev). */
  static long makedev(long major, long minor) {
    return ((major & 0xfffL) << 8) | ((major & ~0xfffL) << 32) | (minor & 0xffL) | ((minor & ~0xffL) << 12);
  }

  /** Creates a device node or FIFO; {@code mode} holds the file type and permission bits. */
  static void mknod(Path path, int mode, long dev) throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(CALL_STATE);
      int rc = (int) MKNOD.invokeExact(state, arena.allocateFrom(path.toString()), mode, dev);
      if (rc != 0) {
        throw failure("mknod " + path, state);
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Sets an extended attribute on the file itself, not on what a symlink points to. */
  static void lsetxattr(Path path, String name, byte[] value) throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(CALL_STATE);
      MemorySegment v = arena.allocate(Math.max(1, value.length));
      MemorySegment.copy(value, 0, v, ValueLayout.JAVA_BYTE, 0, value.length);
      int rc =
          (int) LSETXATTR.invokeExact(
              state, arena.allocateFrom(path.toString()), arena.allocateFrom(name), v, (long) value.length, 0);
      if (rc != 0) {
        throw failure("setxattr " + name + " on " + path, state);
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static IOException failure(String what, MemorySegment state) throws Throwable {
    int errno = (int) ERRNO.get(state, 0L);
    MemorySegment msg = (MemorySegment) STRERROR.invokeExact(errno);
    return new IOException(what + ": " + msg.reinterpret(256).getString(0));
  }
}
