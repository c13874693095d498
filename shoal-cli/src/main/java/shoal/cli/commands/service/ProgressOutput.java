package shoal.cli.commands.service;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Convergence progress drawn as docker's jsonmessage display draws it. On a terminal each ID keeps
 * its line and is redrawn in place (cursor up, erase, write, cursor down), with a 50-column bar
 * when the terminal is wider than 110 columns; elsewhere a progress line is printed only when it
 * has no bar to draw, so a pipe gets the overall counts, errors and verify lines one per line.
 */
final class ProgressOutput {
  private static final int BAR = 50;
  private static final int BAR_MIN_WIDTH = 110;

  private final PrintStream out;
  private final boolean terminal;
  private final int width;
  private final Map<String, Integer> lines = new HashMap<>(); // ID → its line among those drawn since the last plain message

  /** @param width the terminal's columns (docker assumes 200 when it cannot tell) */
  ProgressOutput(PrintStream out, boolean terminal, int width) {
    this.out = out;
    this.terminal = terminal;
    this.width = width;
  }

  /** A progress line: {@code id: action} and, when {@code total > 0}, a bar at {@code current/total}. */
  void progress(String id, String action, long current, long total) {
    String bar = bar(current, total);
    int diff = 0;
    if (!id.isEmpty()) {
      Integer line = lines.get(id);
      if (line == null) {
        line = lines.size();
        lines.put(id, line);
        if (terminal) {
          out.print("\n");
        }
      }
      diff = lines.size() - line;
      if (terminal) {
        out.print("\u001b[" + diff + "A");
      }
    } else {
      lines.clear();
    }
    if (terminal) {
      out.print("\u001b[2K\r" + (id.isEmpty() ? "" : id + ": ") + action + " " + bar + "\r");
      if (!id.isEmpty()) {
        out.print("\u001b[" + diff + "B");
      }
    } else if (bar.isEmpty()) {
      out.print((id.isEmpty() ? "" : id + ": ") + action + "\n");
    }
    out.flush();
  }

  /** A plain message, never redrawn; it ends the current group of redrawn lines. */
  void message(String id, String text) {
    lines.clear();
    out.print((id.isEmpty() ? "" : id + ": ") + text + "\n");
    out.flush();
  }

  /** {@code [=====>     ] } as jsonmessage draws it; empty without a total or on a narrow terminal. */
  private String bar(long current, long total) {
    if (current <= 0 && total <= 0 || total <= 0 || width <= BAR_MIN_WIDTH) {
      return "";
    }
    int filled = Math.min(BAR, (int) ((double) current / total * 100) / 2);
    return "[" + "=".repeat(filled) + ">" + " ".repeat(BAR - filled) + "] ";
  }
}
