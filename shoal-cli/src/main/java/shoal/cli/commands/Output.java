package shoal.cli.commands;

import java.io.PrintStream;
import java.util.List;
import shoal.cli.CliException;
import shoal.cli.format.Formatter;
import shoal.cli.format.Header;
import shoal.cli.format.template.TemplateException;

/** Prints list output through {@link Formatter}, reporting template mistakes as docker does. */
public final class Output {
  private Output() {}

  public static void print(PrintStream out, String format, Header header, List<?> rows) {
    String text;
    try {
      text = Formatter.render(format, header, rows);
    } catch (TemplateException e) {
      String m = e.getMessage();
      throw new CliException(m.contains("executing") ? m : "template parsing error: " + m);
    }
    out.print(text);
    out.flush();
  }
}
