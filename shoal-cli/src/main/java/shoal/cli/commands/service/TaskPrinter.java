package shoal.cli.commands.service;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import shoal.cli.api.EngineClient;
import shoal.cli.commands.Output;
import shoal.cli.commands.node.NaturalOrder;
import shoal.cli.format.Formatter;
import shoal.cli.format.Ages;
import shoal.cli.json.Jv;

/**
 * The task table of {@code service ps} and {@code node ps}: tasks named {@code service.slot} (or
 * {@code service.nodeID} in a global service), sorted by name and, within a slot, newest first;
 * in a table the older tasks of a slot are indented under the current one with {@code \_}.
 */
public final class TaskPrinter {
  private TaskPrinter() {}

  /**
   * @param trunc short IDs, short images and errors cut at 30 characters (off with --no-trunc and -q)
   */
  public static void print(EngineClient api, PrintStream out, List<Object> tasks, boolean noResolve, boolean trunc,
      boolean quiet, String userFormat) {
    IdResolver resolver = new IdResolver(api, noResolve);
    Map<Object, String> names = new IdentityHashMap<>();
    for (Object t : tasks) {
      long slot = Jv.lng(t, "Slot");
      names.put(t, resolver.service(Jv.str(t, "ServiceID")) + "." + (slot != 0 ? Long.toString(slot) : Jv.str(t, "NodeID")));
    }
    List<Object> sorted = new ArrayList<>(tasks);
    sorted.sort(Comparator.comparing((Object t) -> names.get(t), NaturalOrder.INSTANCE)
        .thenComparing((Object t) -> Ages.parse(Jv.str(t, "CreatedAt")), Comparator.reverseOrder()));
    String format = Formatter.choose(userFormat, TaskRow.DEFAULT_TABLE, quiet, "{{.ID}}");
    String indent = format.startsWith(Formatter.TABLE) ? " \\_ " : "";
    Instant now = Instant.now();
    List<TaskRow> rows = new ArrayList<>();
    String previous = "";
    for (Object t : sorted) {
      String name = names.get(t);
      rows.add(new TaskRow(t, name.equals(previous) ? indent + name : name, resolver.node(Jv.str(t, "NodeID")), trunc, now));
      previous = name;
    }
    Output.print(out, format, TaskRow.HEADER, rows);
  }
}
