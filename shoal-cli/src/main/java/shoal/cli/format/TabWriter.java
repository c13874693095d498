package shoal.cli.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's text/tabwriter as docker configures it for tables ({@code minwidth 10, tabwidth 1,
 * padding 3, padchar ' ', flags 0}), so columns line up exactly as docker's do.
 *
 * <p>Cells are tab-terminated; the text after a line's last tab is not part of any column. A column
 * block is a run of consecutive lines that have a cell in that column; its width is the widest
 * cell plus padding, at least minwidth. A line without any tab ends all blocks.
 */
public final class TabWriter {
  private final int minWidth;
  private final int padding;
  private final StringBuilder out = new StringBuilder();
  private final List<List<String>> lines = new ArrayList<>();
  private final List<Integer> widths = new ArrayList<>();
  private List<String> current = new ArrayList<>();
  private final StringBuilder cell = new StringBuilder();

  public TabWriter() {
    this(10, 3);
  }

  public TabWriter(int minWidth, int padding) {
    this.minWidth = minWidth;
    this.padding = padding;
  }

  public TabWriter write(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\t' || c == '\u000b') {
        current.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        current.add(cell.toString());
        cell.setLength(0);
        int ncells = current.size();
        lines.add(current);
        current = new ArrayList<>();
        if (ncells == 1) {
          // A line without tabs ends every column block (Go flushes here).
          flushLines(true);
        }
      } else {
        cell.append(c);
      }
    }
    return this;
  }

  /** Formats everything written so far (a last line without a newline is kept partial). */
  public String flush() {
    boolean partial = !cell.isEmpty() || !current.isEmpty();
    if (partial) {
      current.add(cell.toString());
      cell.setLength(0);
      lines.add(current);
      current = new ArrayList<>();
    }
    flushLines(!partial);
    String s = out.toString();
    out.setLength(0);
    return s;
  }

  private void flushLines(boolean lastEndsWithNewline) {
    format(0, lines.size(), lastEndsWithNewline);
    lines.clear();
    widths.clear();
  }

  private void format(int line0, int line1, boolean lastNewline) {
    int column = widths.size();
    for (int i = line0; i < line1; i++) {
      List<String> line = lines.get(i);
      if (column >= line.size() - 1) {
        continue;
      }
      // A cell in this column: the lines before it form their own block.
      writeLines(line0, i, lastNewline);
      line0 = i;
      int width = minWidth;
      for (; i < line1; i++) {
        line = lines.get(i);
        if (column >= line.size() - 1) {
          break;
        }
        width = Math.max(width, displayWidth(line.get(column)) + padding);
      }
      widths.add(width);
      format(line0, i, lastNewline);
      widths.removeLast();
      line0 = i;
    }
    writeLines(line0, line1, lastNewline);
  }

  private void writeLines(int line0, int line1, boolean lastNewline) {
    for (int i = line0; i < line1; i++) {
      List<String> line = lines.get(i);
      for (int j = 0; j < line.size(); j++) {
        String c = line.get(j);
        out.append(c);
        if (j < widths.size()) {
          out.repeat(' ', Math.max(0, widths.get(j) - displayWidth(c)));
        }
      }
      if (i + 1 < lines.size() || lastNewline) {
        out.append('\n');
      }
    }
  }

  /** Go counts runes (code points), not display columns. */
  static int displayWidth(String s) {
    return s.codePointCount(0, s.length());
  }
}
