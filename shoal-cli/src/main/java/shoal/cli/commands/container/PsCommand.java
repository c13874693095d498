package shoal.cli.commands.container;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import shoal.cli.CliContext;
import shoal.cli.api.Query;
import shoal.cli.commands.ApiCommand;
import shoal.cli.commands.Output;
import shoal.cli.format.Formatter;
import shoal.cli.json.Jv;
import shoal.cli.opts.FilterArgs;

@Command(name = "ls", aliases = {"ps", "list"}, description = "List containers", customSynopsis = "[OPTIONS]")
public final class PsCommand extends ApiCommand {
  @Option(names = {"-a", "--all"}, description = "Show all containers (default shows just running)")
  boolean all;

  @Option(names = {"-f", "--filter"}, paramLabel = "filter", description = "Filter output based on conditions provided")
  List<String> filters = new ArrayList<>();

  @Option(names = "--format", paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = {"-n", "--last"}, paramLabel = "int", defaultValue = "-1", description = "Show n last created containers (includes all states)")
  int last;

  @Option(names = {"-l", "--latest"}, description = "Show the latest created container (includes all states)")
  boolean latest;

  @Option(names = "--no-trunc", description = "Don't truncate output")
  boolean noTrunc;

  @Option(names = {"-q", "--quiet"}, description = "Only display container IDs")
  boolean quiet;

  @Option(names = {"-s", "--size"}, description = "Display total file sizes")
  boolean size;

  public PsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    String table = ContainerRow.DEFAULT_TABLE + (size ? "\t{{.Size}}" : "");
    String fmt = Formatter.choose(format, table, quiet, "{{.ID}}");
    int limit = latest && last == -1 ? 1 : last;
    Query q = Query.of()
        .flag("all", all || limit > 0)
        .flag("size", size || fmt.contains(".Size"))
        .addIfPresent("filters", FilterArgs.encode(filters));
    if (limit > 0) {
      q.add("limit", limit);
    }
    Instant now = Instant.now();
    List<Object> rows = new ArrayList<>();
    for (Object c : Jv.list(api().get("/containers/json", q))) {
      rows.add(new ContainerRow(Jv.map(c), !noTrunc, now));
    }
    Output.print(out(), fmt, ContainerRow.HEADER, rows);
    return 0;
  }
}
