package shoal.cli.commands.node;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.ApiException;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.commands.ApiCommand;
import shoal.cli.commands.service.NodeRef;
import shoal.cli.commands.service.TaskPrinter;
import shoal.cli.json.Json;
import shoal.cli.json.Jv;
import shoal.cli.opts.FilterArgs;

/**
 * {@code node ps}: the tasks on one or more nodes (this one by default), in {@code service ps}'s
 * table. Each node's tasks are asked with the user's filters plus that node (docker 28 also kept
 * the previous nodes in the filter, listing their tasks twice; this lists each once).
 */
@Command(name = "ps", description = "List tasks running on one or more nodes, defaults to current node", customSynopsis = "[OPTIONS] [NODE...]")
public final class NodePsCommand extends ApiCommand {
  @Option(names = {"-f", "--filter"}, paramLabel = "filter", description = "Filter output based on conditions provided")
  List<String> filters = new ArrayList<>();

  @Option(names = "--format", paramLabel = "string", description = "Pretty-print tasks using a Go template")
  String format;

  @Option(names = "--no-resolve", description = "Do not map IDs to Names")
  boolean noResolve;

  @Option(names = "--no-trunc", description = "Do not truncate output")
  boolean noTrunc;

  @Option(names = {"-q", "--quiet"}, description = "Only display task IDs")
  boolean quiet;

  @Parameters(arity = "0..*", paramLabel = "NODE")
  List<String> nodes = new ArrayList<>();

  public NodePsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    List<String> errors = new ArrayList<>();
    List<Object> tasks = new ArrayList<>();
    for (String ref : nodes.isEmpty() ? List.of("self") : nodes) {
      try {
        String id = Jv.str(api().get("/nodes/" + Paths.seg(NodeRef.resolve(api(), ref)), null), "ID");
        List<String> raw = new ArrayList<>(filters);
        raw.add("node=" + id);
        tasks.addAll(Jv.list(api().get("/tasks", Query.of().add("filters", sorted(FilterArgs.encode(raw))))));
      } catch (ApiException | CliException e) {
        errors.add(e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage());
      }
    }
    if (errors.isEmpty() || !tasks.isEmpty()) {
      TaskPrinter.print(api(), out(), tasks, noResolve, !noTrunc, quiet, format);
    }
    if (!errors.isEmpty()) {
      throw new CliException(String.join("\n", errors));
    }
    return 0;
  }

  /** The filters with their keys in order, as Go writes its maps. */
  private static String sorted(String filtersJson) {
    return Json.write(new java.util.TreeMap<>(Jv.map(Json.parse(filtersJson))));
  }
}
