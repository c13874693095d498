package shoal.runtime.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import shoal.runtime.exec.Posix;

/**
 * The small shell that runs one container's {@code runc run} in the foreground, detached from the
 * daemon (own session, parent is init), so that the container outlives a daemon crash:
 *
 * <ul>
 *   <li>it holds the output FIFOs open read-write itself, so the container never sees EOF or
 *       SIGPIPE while no daemon reads; with a terminal it holds the master side (fd 3) instead;
 *   <li>it writes runc's exit status to {@code exit} atomically;
 *   <li>it then waits on the {@code ack} FIFO until a daemon opens it: only then does it let go
 *       of the pipes, whose unread output would otherwise vanish with the last descriptor.
 * </ul>
 */
final class Wrapper {
  /** How the container's stdin is wired. */
  enum Stdin {
    /** /dev/null. */
    NONE,
    /** The stdin FIFO, whose only writer is the daemon: closing it gives the container EOF. */
    ONCE,
    /** The stdin FIFO, also held by the wrapper so that it stays open across attaches and crashes. */
    OPEN
  }

  /** Descriptor of the terminal's master side in the wrapper. */
  static final int MASTER_FD = 3;

  private static final String SCRIPT =
      String.join(
          "\n",
          "D=$1; IN=$2; TTY=$3; shift 3",
          "echo $$ >\"$D/wrapper.pid.tmp\" && mv \"$D/wrapper.pid.tmp\" \"$D/wrapper.pid\"",
          "if [ \"$TTY\" = 1 ]; then",
          // runc inherits the master too (harmless): a redirection would make sh move fd 3 away
          // while runc runs, where a restarted daemon could not find it.
          "  \"$@\"",
          "else",
          "  exec 3<>\"$D/stdout\" 4<>\"$D/stderr\"",
          "  case $IN in",
          "    NONE) \"$@\" </dev/null >&3 2>&4 3>&- 4>&- ;;",
          "    ONCE) \"$@\" <\"$D/stdin\" >&3 2>&4 3>&- 4>&- ;;",
          "    OPEN) exec 5<>\"$D/stdin\"; \"$@\" <\"$D/stdin\" >&3 2>&4 3>&- 4>&- 5>&- ;;",
          "  esac",
          "fi",
          "rc=$?",
          "echo $rc >\"$D/exit.tmp\" && mv \"$D/exit.tmp\" \"$D/exit\"",
          "exec 6>\"$D/ack\"",
          "");

  private static final Map<String, String> ENV = Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

  private Wrapper() {}

  /**
   * Starts the wrapper and returns once it is on its own; it writes its PID to
   * {@link RunDir#wrapperPid()}.
   *
   * @param terminal with a terminal: the slave (the wrapper's stdio) and master descriptors
   */
  static void spawn(RunDir dir, List<String> runcArgv, Stdin stdin, int[] terminal) throws IOException {
    List<String> argv = new ArrayList<>(List.of(
        setsid(), "-f", "/bin/sh", "-c", SCRIPT, "shoal-wrapper", dir.dir().toString(), stdin.name(),
        terminal == null ? "0" : "1"));
    argv.addAll(runcArgv);
    Map<Integer, Integer> fds = new HashMap<>();
    if (terminal != null) {
      fds.put(0, terminal[0]);
      fds.put(1, terminal[0]);
      fds.put(2, terminal[0]);
      fds.put(MASTER_FD, terminal[1]);
    }
    long pid = Posix.spawn(argv, ENV, fds);
    int rc = Posix.awaitExit(pid);
    if (rc != 0) {
      throw new IOException("setsid exited with " + rc + " before starting the container's wrapper");
    }
  }

  /** The wrapper's PID if it still runs (checked against its command line, PIDs get reused). */
  static OptionalLong alive(RunDir dir) {
    OptionalLong pid = dir.readWrapperPid();
    if (pid.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      byte[] cmd = Files.readAllBytes(Path.of("/proc", Long.toString(pid.getAsLong()), "cmdline"));
      String s = new String(cmd, StandardCharsets.UTF_8);
      return s.contains("shoal-wrapper\0" + dir.dir() + "\0") ? pid : OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /** Kills a wrapper whose container was given up (its output cannot be recovered anyway). */
  static void kill(RunDir dir) {
    OptionalLong pid = alive(dir);
    if (pid.isPresent()) {
      try {
        Posix.kill(pid.getAsLong(), 9);
      } catch (IOException e) {
        // gone already
      }
    }
  }

  private static String setsid() {
    for (String p : List.of("/usr/bin/setsid", "/bin/setsid")) {
      if (Files.isExecutable(Path.of(p))) {
        return p;
      }
    }
    throw new IllegalStateException("setsid (util-linux) is not installed");
  }
}
