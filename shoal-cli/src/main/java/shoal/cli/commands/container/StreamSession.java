package shoal.cli.commands.container;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import shoal.cli.Io;
import shoal.cli.api.EngineClient;
import shoal.cli.api.Hijacked;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.api.StdStreams;
import shoal.cli.term.Signals;
import shoal.cli.term.Terminal;

/**
 * The local end of attach and exec: the process's output copied to our stdout/stderr (raw with a
 * TTY, demultiplexed without), our stdin copied in, the terminal raw while a TTY is attached, and
 * its size forwarded on start and on every SIGWINCH.
 */
final class StreamSession implements AutoCloseable {
  private final Hijacked conn;
  private final boolean tty;
  private final Io io;
  private Thread output;
  private volatile Exception outputError;
  private Terminal.RawMode raw;

  private StreamSession(Hijacked conn, boolean tty, Io io) {
    this.conn = conn;
    this.tty = tty;
    this.io = io;
  }

  static StreamSession attach(EngineClient api, String id, boolean stdin, boolean tty, Io io) {
    Query q = Query.of().flag("stream", true).flag("stdin", stdin).flag("stdout", true).flag("stderr", true);
    return new StreamSession(api.hijack("/containers/" + Paths.seg(id) + "/attach", q, null), tty, io);
  }

  static StreamSession execStart(EngineClient api, String execId, boolean tty, Io io) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Detach", false);
    body.put("Tty", tty);
    return new StreamSession(api.hijack("/exec/" + Paths.seg(execId) + "/start", null, body), tty, io);
  }

  /** Starts copying; with {@code stdin}, our input goes to the process until it ends. */
  void start(boolean stdin) throws IOException {
    if (tty && stdin && io.stdinIsTerminal()) {
      raw = Terminal.makeRaw();
      Terminal.RawMode r = raw;
      Runtime.getRuntime().addShutdownHook(new Thread(r::close, "restore-terminal"));
    }
    output = Thread.ofPlatform().name("output").start(() -> {
      try {
        if (tty) {
          StdStreams.copyRaw(conn.input(), io.out());
        } else {
          StdStreams.demux(conn.input(), io.out(), io.err());
        }
      } catch (IOException e) {
        outputError = e;
      } finally {
        io.out().flush();
        io.err().flush();
      }
    });
    if (stdin) {
      Thread.ofPlatform().daemon().name("stdin").start(() -> {
        try {
          byte[] buf = new byte[8192];
          int n;
          while ((n = io.in().read(buf)) >= 0) {
            conn.output().write(buf, 0, n);
          }
          conn.closeWrite();
        } catch (IOException e) {
          // The process ended and closed the stream: nothing left to send input to.
        }
      });
    }
  }

  /** Forwards the terminal's size now and whenever it changes. */
  void forwardSize(EngineClient api, String resizePath) {
    if (!tty || !io.stdoutIsTerminal()) {
      return;
    }
    Runnable resize = () -> Terminal.size().ifPresent(hw -> {
      try {
        api.post(resizePath, Query.of().add("h", hw[0]).add("w", hw[1]), null);
      } catch (RuntimeException e) {
        // A resize racing the process's exit is harmless.
      }
    });
    resize.run();
    Signals.onWindowChange(resize);
  }

  /** Waits until the process's output ends (it exited, or the daemon closed the stream). */
  void awaitOutput() throws IOException {
    try {
      output.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while streaming");
    }
    if (outputError != null) {
      throw new UncheckedIOException(outputError instanceof IOException io ? io : new IOException(outputError));
    }
  }

  @Override
  public void close() {
    if (raw != null) {
      raw.close();
    }
    conn.close();
  }
}
