package shoal.runtime.logs;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;

/**
 * A container's {@code <id>-json.log}: written by the output pump, read by {@code docker logs}
 * (with tail, since, until) and followed while the container runs. Followers tail the file itself,
 * so nothing written between "read the file" and "wait for more" can be missed.
 */
public final class JsonLogFile {
  /** Receives entries in order; may block (a slow client). */
  @FunctionalInterface
  public interface Sink {
    void accept(LogEntry e) throws IOException;
  }

  private static final long FOLLOW_WAIT_MS = 250;

  private final Path path;
  // Guarded by this: the append stream while a run writes, whether a run is live, and the run
  // counter followers compare to notice that the run they follow has ended.
  private OutputStream out;
  private boolean live;
  private long run;

  public JsonLogFile(Path path) {
    this.path = path;
  }

  public Path path() {
    return path;
  }

  /** A process starts writing: appends go to the file until {@link #endRun}. */
  public synchronized void startRun() throws IOException {
    if (out == null) {
      out = new FileOutputStream(path.toFile(), true);
    }
    live = true;
    run++;
    notifyAll();
  }

  public synchronized void append(LogEntry e) throws IOException {
    if (out == null) {
      out = new FileOutputStream(path.toFile(), true);
    }
    out.write(JsonLogCodec.encode(e));
    notifyAll();
  }

  /** The process's output is complete; followers of this run stop once they have read it. */
  public synchronized void endRun() {
    live = false;
    if (out != null) {
      try {
        out.close();
      } catch (IOException ignored) {
        // Everything was written by write(); a close failure loses nothing.
      }
      out = null;
    }
    notifyAll();
  }

  public synchronized boolean live() {
    return live;
  }

  /**
   * Sends what {@code q} selects to {@code sink}; with {@code follow}, keeps sending new entries
   * until the run that is live now ends, {@code q.until} passes or {@code stop} says so.
   */
  public void read(LogQuery q, Sink sink, BooleanSupplier stop) throws IOException {
    long followRun;
    boolean followLive;
    synchronized (this) {
      followRun = run;
      followLive = live;
    }
    if (!Files.exists(path)) {
      if (!q.follow() || !followLive) {
        return;
      }
      Files.createFile(path);
    }
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      LineReader lines = new LineReader(ch);
      ArrayDeque<LogEntry> tail = q.tail() >= 0 ? new ArrayDeque<>() : null;
      LogEntry e;
      while ((e = lines.next()) != null) {
        if (!q.accepts(e)) {
          continue;
        }
        if (tail == null) {
          sink.accept(e);
        } else if (q.tail() > 0) {
          tail.addLast(e);
          if (tail.size() > q.tail()) {
            tail.removeFirst();
          }
        }
      }
      if (tail != null) {
        for (LogEntry t : tail) {
          sink.accept(t);
        }
      }
      if (!q.follow()) {
        return;
      }
      while (!stop.getAsBoolean()) {
        while ((e = lines.next()) != null) {
          if (q.accepts(e)) {
            sink.accept(e);
          }
        }
        if (q.until() != null && !Instant.now().isBefore(q.until())) {
          return;
        }
        synchronized (this) {
          if (!live || run != followRun) {
            if (ch.size() <= lines.position()) {
              return;
            }
            continue;
          }
          try {
            wait(FOLLOW_WAIT_MS);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  /** Complete lines of a growing file; a line still being written stays for the next call. */
  private static final class LineReader {
    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    private byte[] line = new byte[1024];
    private int lineLen;
    private long position;

    LineReader(FileChannel ch) {
      this.ch = ch;
      buf.flip();
    }

    long position() {
      return position;
    }

    LogEntry next() throws IOException {
      while (true) {
        while (buf.hasRemaining()) {
          byte b = buf.get();
          position++;
          if (b == '\n') {
            LogEntry e = JsonLogCodec.decode(line, 0, lineLen);
            lineLen = 0;
            if (e != null) {
              return e;
            }
            continue;
          }
          if (lineLen == line.length) {
            line = java.util.Arrays.copyOf(line, line.length * 2);
          }
          line[lineLen++] = b;
        }
        buf.clear();
        int n = ch.read(buf);
        buf.flip();
        if (n <= 0) {
          return null;
        }
      }
    }
  }
}
