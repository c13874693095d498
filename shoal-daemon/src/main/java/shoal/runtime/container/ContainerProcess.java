package shoal.runtime.container;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shoal.runtime.exec.Posix;
import shoal.runtime.exec.Pty;
import shoal.runtime.logs.JsonLogFile;
import shoal.runtime.logs.LineSplitter;
import shoal.runtime.logs.LogEntry;
import shoal.runtime.logs.OutputHub;
import shoal.runtime.runc.Signals;

/**
 * One run of a container, from its start (or from re-attaching after a daemon restart) to its
 * exit: the wrapper that runs runc, the threads that copy its output to the log file and to
 * attached clients, its stdin, and the exit status. See {@link Wrapper} for why output survives
 * the daemon's absence.
 */
final class ContainerProcess {
  private static final Logger log = LoggerFactory.getLogger(ContainerProcess.class);
  private static final int PIPE_SIZE = 1 << 20;
  private static final long START_TIMEOUT_MS = 60_000;
  private static final long ACK_WAKE_MS = 1_000;
  private static final long THREAD_STACK = 256 * 1024;

  /** The container did not start; {@code exitCode} and the message are what Docker reports. */
  static final class StartFailure extends Exception {
    final int exitCode;

    StartFailure(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }
  }

  private final String id;
  private final RunDir dir;
  private final long wrapperPid;
  private final long initPid;
  private final Pty pty;
  private final List<InputStream> outputs;
  private final OutputStream stdin;
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  private ContainerProcess(String id, RunDir dir, long wrapperPid, long initPid, Pty pty, List<InputStream> outputs,
      OutputStream stdin) {
    this.id = id;
    this.dir = dir;
    this.wrapperPid = wrapperPid;
    this.initPid = initPid;
    this.pty = pty;
    this.outputs = outputs;
    this.stdin = stdin;
  }

  /**
   * Starts the wrapper on a prepared bundle and returns once the container's process runs.
   *
   * @throws StartFailure runc could not start it (its message, in Docker's words)
   */
  static ContainerProcess start(String id, RunDir dir, List<String> runcArgv, boolean tty, Wrapper.Stdin stdinMode,
      List<Integer> consoleSize) throws IOException, StartFailure {
    List<Integer> keepers = new ArrayList<>();
    Pty pty = null;
    RandomAccessFile stdinFile = null;
    boolean ok = false;
    try {
      Posix.mkfifo(dir.ack(), 0600);
      if (tty) {
        pty = Pty.open();
        if (consoleSize.get(0) > 0 && consoleSize.get(1) > 0) {
          pty.resize(consoleSize.get(0), consoleSize.get(1));
        }
        int slave = pty.openSlave();
        try {
          Wrapper.spawn(dir, runcArgv, Wrapper.Stdin.NONE, new int[] {slave, pty.masterFd()});
        } finally {
          Posix.close(slave);
        }
      } else {
        for (Path fifo : List.of(dir.stdout(), dir.stderr())) {
          Posix.mkfifo(fifo, 0600);
          // Our own writer keeps the pipe (and its size) alive until the readers below are open.
          int fd = Posix.open(fifo, Posix.O_RDWR | Posix.O_CLOEXEC);
          keepers.add(fd);
          Posix.setPipeSize(fd, PIPE_SIZE);
        }
        if (stdinMode != Wrapper.Stdin.NONE) {
          Posix.mkfifo(dir.stdin(), 0600);
          stdinFile = new RandomAccessFile(dir.stdin().toFile(), "rw");
        }
        Wrapper.spawn(dir, runcArgv, stdinMode, null);
      }
      awaitOutcome(dir);
      OptionalLong init = dir.readInitPid();
      if (init.isEmpty()) {
        throw failure(dir);
      }
      OptionalLong wrapper = dir.readWrapperPid();
      List<InputStream> outputs = new ArrayList<>();
      if (!tty) {
        outputs.add(new FileInputStream(dir.stdout().toFile()));
        outputs.add(new FileInputStream(dir.stderr().toFile()));
      }
      OutputStream in = tty ? pty.output() : stdinFile == null ? null : new FileOutputStream(stdinFile.getFD());
      ContainerProcess p = new ContainerProcess(id, dir, wrapper.orElse(0), init.getAsLong(), pty, outputs, in);
      ok = true;
      return p;
    } finally {
      keepers.forEach(Posix::close);
      if (!ok) {
        if (pty != null) {
          pty.close();
        }
        if (stdinFile != null) {
          stdinFile.close();
        }
      }
    }
  }

  /**
   * Finds the run of a container again after a daemon restart; empty when its wrapper is gone (the
   * host rebooted or someone killed it), in which case no output can be recovered.
   */
  static java.util.Optional<ContainerProcess> reattach(String id, RunDir dir, boolean tty, Wrapper.Stdin stdinMode)
      throws IOException {
    OptionalLong wrapper = Wrapper.alive(dir);
    if (wrapper.isEmpty()) {
      return java.util.Optional.empty();
    }
    long init = dir.readInitPid().orElse(0);
    // The wrapper waits at the ack FIFO before it lets go of anything, so what it holds now stays.
    if (tty) {
      Pty pty = Pty.ofMaster(Posix.takeFd(wrapper.getAsLong(), Wrapper.MASTER_FD));
      return java.util.Optional.of(
          new ContainerProcess(id, dir, wrapper.getAsLong(), init, pty, List.of(), pty.output()));
    }
    List<InputStream> outputs = new ArrayList<>();
    for (Path fifo : List.of(dir.stdout(), dir.stderr())) {
      int keeper = Posix.open(fifo, Posix.O_RDWR | Posix.O_CLOEXEC);
      try {
        outputs.add(new FileInputStream(fifo.toFile()));
      } finally {
        Posix.close(keeper);
      }
    }
    OutputStream in = null;
    if (stdinMode == Wrapper.Stdin.OPEN && Files.exists(dir.stdin())) {
      in = new FileOutputStream(new RandomAccessFile(dir.stdin().toFile(), "rw").getFD());
    }
    return java.util.Optional.of(new ContainerProcess(id, dir, wrapper.getAsLong(), init, null, outputs, in));
  }

  private static void awaitOutcome(RunDir dir) throws IOException {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    long sleep = 1;
    while (!Files.exists(dir.initPid()) && !Files.exists(dir.exit())) {
      if (System.currentTimeMillis() > deadline) {
        throw new IOException("runc did not start the container within " + START_TIMEOUT_MS / 1000 + " s");
      }
      try {
        Thread.sleep(sleep);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while starting the container", e);
      }
      sleep = Math.min(10, sleep + 1);
    }
  }

  /** Collects runc's error and lets the wrapper go. */
  private static StartFailure failure(RunDir dir) throws IOException {
    releaseWrapper(dir);
    String message = RuncErrors.lastError(dir.runcLog());
    return new StartFailure(RuncErrors.exitCodeFor(message), RuncErrors.dockerMessage(message));
  }

  private static void releaseWrapper(RunDir dir) throws IOException {
    try (FileInputStream ack = new FileInputStream(dir.ack().toFile())) {
      ack.transferTo(OutputStream.nullOutputStream());
    }
  }

  long initPid() {
    return initPid;
  }

  boolean tty() {
    return pty != null;
  }

  /** Where attached clients write; null when the container has no stdin (or it was closed). */
  OutputStream stdin() {
    return stdin;
  }

  /** Ends the container's stdin (StdinOnce): it reads EOF. */
  void closeStdin() {
    if (stdin != null && pty == null) {
      try {
        stdin.close();
      } catch (IOException e) {
        log.debug("container {}: closing stdin: {}", id, e.toString());
      }
    }
  }

  CompletableFuture<Integer> exit() {
    return exit;
  }

  /** Sets the terminal's size and tells runc, which copies it into the container's terminal. */
  void resize(int height, int width) throws IOException {
    if (pty == null) {
      return;
    }
    pty.resize(height, width);
    OptionalLong runc = runcPid();
    if (runc.isPresent()) {
      Posix.kill(runc.getAsLong(), Signals.SIGWINCH);
    }
  }

  private OptionalLong runcPid() {
    try {
      String children = Files.readString(
          Path.of("/proc", Long.toString(wrapperPid), "task", Long.toString(wrapperPid), "children")).strip();
      return children.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(children.split(" ")[0]));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Starts copying output to {@code logFile} and {@code hub}, and calls {@code onExit} with the
   * exit status once the container exited and its output is all in the log.
   */
  void watch(OutputHub hub, JsonLogFile logFile, Clock clock, IntConsumer onExit) {
    List<Thread> pumps = new ArrayList<>();
    if (pty != null) {
      pumps.add(pump(pty.input(), LogEntry.STDOUT, 1, hub, logFile, clock));
    } else {
      pumps.add(pump(outputs.get(0), LogEntry.STDOUT, 1, hub, logFile, clock));
      pumps.add(pump(outputs.get(1), LogEntry.STDERR, 2, hub, logFile, clock));
    }
    // The wrapper lets go of the pipes once the daemon opens the ack FIFO (runc has exited then);
    // the pumps see EOF after that, having read everything. Should the wrapper have been killed,
    // the pumps end anyway once every writer is gone, and the ack thread is woken up by hand.
    Thread ack = thread("ack-" + id.substring(0, 12), () -> {
      try {
        releaseWrapper(dir);
      } catch (IOException e) {
        log.warn("container {}: waiting for its wrapper failed: {}", id, e.toString());
      }
    });
    thread("exit-" + id.substring(0, 12), () -> {
      try {
        for (Thread t : pumps) {
          t.join();
        }
        if (ack.isAlive()) {
          log.warn("container {}: its wrapper is gone; recording the exit without it", id);
          wakeAck();
          ack.join(ACK_WAKE_MS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      OptionalInt code = dir.readExit();
      closeQuietly();
      int status = code.orElse(255);
      try {
        onExit.accept(status);
      } catch (RuntimeException e) {
        log.error("container {}: recording its exit failed", id, e);
      } finally {
        // Completed after the exit is recorded, so a stop that waits on it sees the final state.
        exit.complete(status);
      }
    });
  }

  /** Opens the ack FIFO for writing without blocking: our own reader, waiting in open(2), goes on. */
  private void wakeAck() {
    try {
      Posix.close(Posix.open(dir.ack(), Posix.O_WRONLY | Posix.O_NONBLOCK | Posix.O_CLOEXEC));
    } catch (IOException e) {
      log.debug("container {}: ack FIFO: {}", id, e.toString());
    }
  }

  private Thread pump(InputStream in, String stream, int number, OutputHub hub, JsonLogFile logFile, Clock clock) {
    return thread("out-" + id.substring(0, 12) + "-" + stream, () -> {
      LineSplitter lines = new LineSplitter(stream, e -> append(logFile, e), clock);
      byte[] buf = new byte[32 * 1024];
      try (in) {
        int n;
        while ((n = in.read(buf, 0, buf.length)) > 0) {
          hub.publish(number, buf, 0, n);
          lines.write(buf, 0, n);
        }
      } catch (IOException e) {
        log.warn("container {}: reading its {} failed: {}", id, stream, e.toString());
      }
      lines.finish();
    });
  }

  private void append(JsonLogFile logFile, LogEntry e) {
    try {
      logFile.append(e);
    } catch (IOException ex) {
      log.warn("container {}: cannot write its log: {}", id, ex.toString());
    }
  }

  private void closeQuietly() {
    if (pty != null) {
      pty.close();
    } else if (stdin != null) {
      try {
        stdin.close();
      } catch (IOException ignored) {
        // the container is gone; nothing more will be written
      }
    }
  }

  private static Thread thread(String name, Runnable r) {
    // Platform threads: these block in read(2)/open(2) on FIFOs and terminals for the container's
    // whole life, which would pin a virtual thread's carrier.
    Thread t = Thread.ofPlatform().daemon().name(name).stackSize(THREAD_STACK).unstarted(r);
    t.start();
    return t;
  }
}
