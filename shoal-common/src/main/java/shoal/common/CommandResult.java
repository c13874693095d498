package shoal.common;

import java.util.List;

/** How a finished OS command went. */
public record CommandResult(List<String> argv, int exitCode, String stdout, String stderr) {
  public CommandResult {
    argv = List.copyOf(argv);
  }

  public boolean ok() {
    return exitCode == 0;
  }

  /** The command line as a person would type it, for messages. */
  public String commandLine() {
    return String.join(" ", argv);
  }

  /** What went wrong, in the tool's own words. */
  public String failure() {
    String why = stderr.isBlank() ? stdout.strip() : stderr.strip();
    return "`" + commandLine() + "` failed (exit " + exitCode + ")" + (why.isEmpty() ? "" : ": " + why);
  }
}
