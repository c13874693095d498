package shoal.runtime.container;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import shoal.common.CommandResult;
import shoal.common.Commands;
import shoal.errors.InvalidArgumentException;
import shoal.errors.SystemException;

/** {@code docker top}: the host's {@code ps} output, only the rows of the container's processes. */
public final class ProcessTable {
  /** Titles and one row of values per process. */
  public record Top(List<String> titles, List<List<String>> processes) {}

  private ProcessTable() {}

  public static Top of(Set<Long> pids, String psArgs) {
    List<String> argv = new ArrayList<>(List.of("ps"));
    String args = psArgs == null || psArgs.isBlank() ? "-ef" : psArgs;
    argv.addAll(Arrays.asList(args.strip().split("\\s+")));
    CommandResult r = Commands.run(argv);
    if (!r.ok()) {
      throw new SystemException("Error running ps: " + r.stderr().strip());
    }
    return parse(r.stdout(), pids);
  }

  static Top parse(String output, Set<Long> pids) {
    String[] lines = output.split("\n");
    List<String> titles = Arrays.asList(lines[0].strip().split("\\s+"));
    int pidCol = titles.indexOf("PID");
    if (pidCol < 0) {
      throw new InvalidArgumentException("Couldn't find PID field in ps output");
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      // The last column (the command) keeps its spaces.
      List<String> fields = Arrays.asList(line.split("\\s+", titles.size()));
      if (fields.size() <= pidCol) {
        continue;
      }
      try {
        if (pids.contains(Long.parseLong(fields.get(pidCol)))) {
          rows.add(fields);
        }
      } catch (NumberFormatException e) {
        // a line that is not a process row
      }
    }
    return new Top(titles, rows);
  }
}
