package shoal.cli.format;

import java.util.List;
import shoal.cli.format.template.Template;

/**
 * docker's output for lists: {@code --format table ...} (a header, then rows aligned by
 * {@link TabWriter}), {@code --format json} (one JSON object per line), or any other template
 * (one line per row).
 */
public final class Formatter {
  public static final String TABLE = "table";
  public static final String JSON = "json";

  private Formatter() {}

  /**
   * @param format what the user gave (docker's replacement of {@code \t} and {@code \n} escapes
   *     included), already resolved against the command's default table
   */
  public static String render(String format, Header header, List<?> rows) {
    boolean table = format.startsWith(TABLE);
    String body = table ? format.substring(TABLE.length()) : format;
    if (body.strip().equals(JSON) && !table) {
      body = "{{json .}}";
    }
    body = body.strip().replace("\\t", "\t").replace("\\n", "\n");
    Template t = Template.parse(body);
    StringBuilder rowsOut = new StringBuilder();
    for (Object row : rows) {
      rowsOut.append(t.execute(row)).append('\n');
    }
    if (!table) {
      return rowsOut.toString();
    }
    TabWriter w = new TabWriter();
    w.write(t.executeHeader(header));
    w.write("\n");
    w.write(rowsOut.toString());
    return w.flush();
  }

  /**
   * Chooses the format: the user's, or the default table ({@code quietFormat} with -q). docker
   * lets an explicit --format win over -q.
   */
  public static String choose(String userFormat, String defaultTable, boolean quiet, String quietFormat) {
    if (userFormat == null || userFormat.isEmpty() || userFormat.equals(TABLE)) {
      return quiet ? quietFormat : defaultTable;
    }
    return userFormat;
  }
}
