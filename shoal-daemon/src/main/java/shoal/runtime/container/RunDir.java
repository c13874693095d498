package shoal.runtime.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code <exec-root>/containers/<id>/}: the bundle (config.json) and what one run of the container
 * leaves there: the FIFOs of its output, the PIDs, the exit status its wrapper writes.
 */
public record RunDir(Path dir) {
  public Path config() {
    return dir.resolve("config.json");
  }

  public Path stdout() {
    return dir.resolve("stdout");
  }

  public Path stderr() {
    return dir.resolve("stderr");
  }

  public Path stdin() {
    return dir.resolve("stdin");
  }

  /** The wrapper opens this FIFO once runc exited and waits there until the daemon has its pipes. */
  public Path ack() {
    return dir.resolve("ack");
  }

  /** Written by runc once the container's process runs. */
  public Path initPid() {
    return dir.resolve("init.pid");
  }

  public Path wrapperPid() {
    return dir.resolve("wrapper.pid");
  }

  /** runc's exit status, written by the wrapper (atomically) when runc exits. */
  public Path exit() {
    return dir.resolve("exit");
  }

  /** runc's own messages, as JSON lines. */
  public Path runcLog() {
    return dir.resolve("runc.log");
  }

  public OptionalLong readInitPid() {
    return readLong(initPid());
  }

  public OptionalLong readWrapperPid() {
    return readLong(wrapperPid());
  }

  public OptionalInt readExit() {
    OptionalLong v = readLong(exit());
    return v.isPresent() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
  }

  private static OptionalLong readLong(Path p) {
    try {
      String s = Files.readString(p).strip();
      return s.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(s));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
