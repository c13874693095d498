package shoal.cli.commands;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import shoal.cli.CliException;
import shoal.cli.api.ApiException;

/**
 * docker's pattern for commands on several objects ({@code stop a b}, {@code rm a b}): each
 * success prints the name as given, failures are collected and reported together at the end.
 */
public final class Each {
  public interface Op {
    void apply(String name);
  }

  private Each() {}

  /**
   * @param forgiveNotFound -f of rm: a missing object is reported but is not a failure
   */
  public static void printNames(List<String> names, PrintStream out, PrintStream err, boolean forgiveNotFound, Op op) {
    List<String> errors = new ArrayList<>();
    for (String name : names) {
      try {
        op.apply(name);
        out.println(name);
      } catch (ApiException e) {
        if (forgiveNotFound && e.isNotFound()) {
          err.println(e.getMessage());
          continue;
        }
        errors.add(e.getMessage());
      } catch (IllegalArgumentException e) {
        errors.add(e.getMessage());
      }
    }
    out.flush();
    if (!errors.isEmpty()) {
      throw new CliException(String.join("\n", errors));
    }
  }
}
