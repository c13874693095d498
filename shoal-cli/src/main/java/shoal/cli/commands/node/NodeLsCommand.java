package shoal.cli.commands.node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.Query;
import shoal.cli.commands.ApiCommand;
import shoal.cli.commands.Output;
import shoal.cli.format.Formatter;
import shoal.cli.json.Jv;
import shoal.cli.opts.FilterArgs;

@Command(name = "ls", aliases = "list", description = "List nodes in the swarm", customSynopsis = "[OPTIONS]")
public final class NodeLsCommand extends ApiCommand {
  @Option(names = {"-f", "--filter"}, paramLabel = "filter", description = "Filter output based on conditions provided")
  List<String> filters = new ArrayList<>();

  @Option(names = "--format", paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
  boolean quiet;

  public NodeLsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Query q;
    try {
      q = Query.of().addIfPresent("filters", FilterArgs.encode(filters));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (Object n : Jv.list(api().get("/nodes", q))) {
      nodes.add(Jv.map(n));
    }
    // docker asks /info (for the * of this node) only when it will print more than IDs
    Map<String, Object> swarm = nodes.isEmpty() || quiet ? Map.of() : Jv.map(api().get("/info", null), "Swarm");
    nodes.sort(Comparator.comparing(n -> Jv.str(n, "Description", "Hostname"), NaturalOrder.INSTANCE));
    List<Object> rows = new ArrayList<>();
    for (Map<String, Object> n : nodes) {
      rows.add(new NodeRow(n, swarm));
    }
    Output.print(out(), Formatter.choose(format, NodeRow.DEFAULT_TABLE, quiet, "{{.ID}}"), NodeRow.HEADER, rows);
    return 0;
  }
}
