package shoal.cli.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import shoal.cli.json.Json;
import shoal.cli.json.Jv;

/**
 * Progress streams (image load, import) as docker's jsonmessage shows them: {@code stream} text
 * as is, {@code status} lines prefixed by their {@code id}, progress bars redrawn in place on a
 * terminal and left out elsewhere, and {@code error} ending the stream with a failure.
 */
public final class JsonMessages {
  private static final int BAR_WIDTH = 50;

  private JsonMessages() {}

  /** A message carried an error: the operation failed. */
  public static final class StreamError extends Exception {
    private static final long serialVersionUID = 1L;

    StreamError(String message) {
      super(message);
    }
  }

  public static void display(InputStream in, PrintStream out, boolean terminal) throws IOException, StreamError {
    Map<String, Integer> lines = new HashMap<>(); // id → its line among the progress lines shown
    try (Json.Reader r = Json.reader(in)) {
      Optional<Object> next;
      while ((next = r.next()).isPresent()) {
        Object m = next.get();
        String error = Jv.str(m, "errorDetail", "message");
        if (error.isEmpty()) {
          error = Jv.str(m, "error");
        }
        if (!error.isEmpty()) {
          throw new StreamError(error);
        }
        String id = Jv.str(m, "id");
        boolean progress = Jv.get(m, "progressDetail") instanceof Map<?, ?> pd && !pd.isEmpty()
            || !Jv.str(m, "progress").isEmpty();
        int diff = 0;
        if (!id.isEmpty() && progress) {
          Integer line = lines.get(id);
          if (line == null) {
            line = lines.size();
            lines.put(id, line);
            if (terminal) {
              out.print("\n");
            }
          }
          diff = lines.size() - line;
          if (terminal && diff > 0) {
            out.print("\u001b[" + diff + "A");
          }
        } else {
          lines.clear();
        }
        displayOne(m, id, progress, out, terminal);
        if (!id.isEmpty() && terminal && diff > 0) {
          out.print("\u001b[" + diff + "B");
        }
        out.flush();
      }
    }
  }

  private static void displayOne(Object m, String id, boolean progress, PrintStream out, boolean terminal) {
    String stream = Jv.str(m, "stream");
    String endl = "";
    if (terminal && stream.isEmpty() && progress) {
      out.print("\u001b[2K\r");
      endl = "\r";
    } else if (progress) {
      return; // no progress bars where nobody watches them redraw
    }
    if (!id.isEmpty()) {
      out.print(id + ": ");
    }
    String status = Jv.str(m, "status");
    if (progress && terminal) {
      out.print(status + " " + bar(m) + endl);
    } else if (!stream.isEmpty()) {
      out.print(stream + endl);
    } else {
      out.print(status + endl + "\n");
    }
  }

  /** {@code [=====>     ]  1.2MB/3.4MB}, or the daemon's own rendering. */
  static String bar(Object m) {
    String given = Jv.str(m, "progress");
    long current = Jv.lng(m, "progressDetail", "current");
    long total = Jv.lng(m, "progressDetail", "total");
    if (current <= 0 && total <= 0) {
      return given;
    }
    if (total <= 0) {
      return String.format("%8s", Units.humanSize(current));
    }
    int pct = (int) Math.min(BAR_WIDTH, (int) ((double) current / total * 100) / 2);
    String box = "[" + "=".repeat(pct) + ">" + " ".repeat(Math.max(0, BAR_WIDTH - pct)) + "] ";
    String numbers = current > total
        ? String.format("%8s", Units.humanSize(current))
        : String.format("%8s/%s", Units.humanSize(current), Units.humanSize(total));
    return box + numbers;
  }
}
