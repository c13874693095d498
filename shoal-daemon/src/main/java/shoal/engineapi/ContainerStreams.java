package shoal.engineapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import shoal.engineapi.http.ApiExchange;
import shoal.errors.InvalidArgumentException;
import shoal.runtime.container.Attachment;
import shoal.runtime.container.ContainerService;
import shoal.runtime.logs.JsonLogCodec;
import shoal.runtime.logs.LogEntry;
import shoal.runtime.logs.LogQuery;
import shoal.runtime.logs.OutputHub;
import shoal.runtime.logs.StreamFrames;

/** {@code logs} and {@code attach}: a container's output as Docker streams it, framed unless it has a TTY. */
final class ContainerStreams {
  static final String RAW = "application/vnd.docker.raw-stream";
  static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
  private static final long POLL_MS = 250;

  private final ContainerService containers;

  ContainerStreams(ContainerService containers) {
    this.containers = containers;
  }

  void logs(ApiExchange ex) throws Exception {
    String id = ex.pathParam("id");
    boolean stdout = ex.query().bool("stdout", false);
    boolean stderr = ex.query().bool("stderr", false);
    if (!stdout && !stderr) {
      throw new InvalidArgumentException("Bad parameters: you must choose at least one stream");
    }
    boolean timestamps = ex.query().bool("timestamps", false);
    LogQuery q = new LogQuery(time(ex, "since"), time(ex, "until"), tail(ex.query().get("tail", "all")),
        ex.query().bool("follow", false));
    boolean tty = containers.inspect(id, false).record().config().tty();
    try (OutputStream out = ex.stream(200, tty ? RAW : MULTIPLEXED)) {
      containers.logs(id, q, e -> {
        if (e.streamNumber() == 1 ? !stdout : !stderr) {
          return;
        }
        byte[] b = timestamps ? withTimestamp(e) : e.bytes();
        write(out, tty, e.streamNumber(), b, 0, b.length);
      }, () -> ex.clientGone().isDone());
    }
  }

  private static byte[] withTimestamp(LogEntry e) {
    byte[] ts = (JsonLogCodec.rfc3339NanoFixed(e.time()) + " ").getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[ts.length + e.bytes().length];
    System.arraycopy(ts, 0, out, 0, ts.length);
    System.arraycopy(e.bytes(), 0, out, ts.length, e.bytes().length);
    return out;
  }

  private static Instant time(ApiExchange ex, String name) {
    long nanos = SystemRoutes.toNanos(ex.query().get(name, ""));
    return nanos == 0 ? null : Instant.ofEpochSecond(0, nanos);
  }

  /** Docker's tail: a number of lines, or "all" (anything that is not a number counts as all). */
  static int tail(String raw) {
    try {
      int n = Integer.parseInt(raw.strip());
      return n < 0 ? -1 : n;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  void attach(ApiExchange ex) throws Exception {
    String id = ex.pathParam("id");
    boolean stream = ex.query().bool("stream", false);
    boolean logs = ex.query().bool("logs", false);
    boolean stdout = ex.query().bool("stdout", false);
    boolean stderr = ex.query().bool("stderr", false);
    Attachment a = containers.attach(id, ex.query().bool("stdin", false));
    boolean tty = a.tty();
    try (a; OutputStream out = ex.hijack(tty ? RAW : MULTIPLEXED)) {
      if (logs) {
        containers.logs(id, LogQuery.all(), e -> {
          if (e.streamNumber() == 1 ? stdout : stderr) {
            write(out, tty, e.streamNumber(), e.bytes(), 0, e.bytes().length);
          }
        }, () -> ex.clientGone().isDone());
      }
      if (!stream) {
        return;
      }
      DetachWatch detach = new DetachWatch();
      if (a.hasStdin()) {
        InputStream in = ex.body();
        Thread.ofPlatform().daemon().name("attach-stdin-" + a.record().shortId()).start(() -> {
          pumpStdin(in, a, detach, out);
        });
      }
      while (!ex.clientGone().isDone() && !detach.detached) {
        OutputHub.Chunk c = a.output().next(POLL_MS);
        if (c == null) {
          if (a.output().ended()) {
            return;
          }
          continue;
        }
        if (c.stream() == 1 ? stdout : stderr) {
          write(out, tty, c.stream(), c.bytes(), 0, c.bytes().length);
        }
      }
    }
  }

  private static void pumpStdin(InputStream in, Attachment a, DetachWatch detach, OutputStream out) {
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        int keep = detach.scan(buf, n);
        if (keep > 0) {
          a.writeStdin(buf, 0, keep);
        }
        if (detach.detached) {
          // ctrl-p ctrl-q: the client leaves, the container keeps its stdin
          out.close();
          return;
        }
      }
      a.endStdin();
    } catch (IOException e) {
      a.endStdin();
    }
  }

  /** Docker's default detach keys, ctrl-p ctrl-q, seen in what the client sends. */
  static final class DetachWatch {
    private static final byte CTRL_P = 0x10;
    private static final byte CTRL_Q = 0x11;
    volatile boolean detached;
    private boolean pendingP;

    /** Returns how many bytes of {@code buf} to forward; sets {@link #detached} on the sequence. */
    int scan(byte[] buf, int n) {
      for (int i = 0; i < n; i++) {
        if (pendingP && buf[i] == CTRL_Q) {
          detached = true;
          return Math.max(0, i - 1);
        }
        pendingP = buf[i] == CTRL_P;
      }
      return n;
    }
  }

  static void write(OutputStream out, boolean raw, int stream, byte[] b, int off, int len) throws IOException {
    if (raw) {
      out.write(b, off, len);
    } else {
      StreamFrames.write(out, stream, b, off, len);
    }
  }
}
