package shoal.runtime.logs;

import java.time.Clock;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts one stream's raw output into log messages as Docker's json-file driver does: one per line
 * (newline kept), a partial message when a line outgrows {@link #MAX_MESSAGE} bytes, and the rest
 * without newline when the stream ends. Not thread-safe: one splitter per stream and reader.
 */
public final class LineSplitter {
  static final int MAX_MESSAGE = 16 * 1024;

  private final String stream;
  private final Consumer<LogEntry> out;
  private final Clock clock;
  private byte[] pending = new byte[256];
  private int length;

  public LineSplitter(String stream, Consumer<LogEntry> out, Clock clock) {
    this.stream = stream;
    this.out = out;
    this.clock = clock;
  }

  public void write(byte[] buf, int off, int len) {
    int start = off;
    int end = off + len;
    for (int i = off; i < end; i++) {
      if (buf[i] == '\n') {
        append(buf, start, i + 1 - start);
        emit();
        start = i + 1;
      } else if (length + (i + 1 - start) >= MAX_MESSAGE) {
        append(buf, start, i + 1 - start);
        emit();
        start = i + 1;
      }
    }
    append(buf, start, end - start);
  }

  /** The stream ended: what is left becomes a message of its own. */
  public void finish() {
    if (length > 0) {
      emit();
    }
  }

  private void append(byte[] buf, int off, int len) {
    if (len <= 0) {
      return;
    }
    if (length + len > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(pending.length * 2, length + len));
    }
    System.arraycopy(buf, off, pending, length, len);
    length += len;
  }

  private void emit() {
    out.accept(new LogEntry(stream, Arrays.copyOf(pending, length), clock.instant()));
    length = 0;
    if (pending.length > 4096) {
      pending = new byte[256];
    }
  }
}
