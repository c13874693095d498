package shoal.cli.commands.network;

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

@Command(name = "ls", aliases = "list", description = "List networks", customSynopsis = "[OPTIONS]")
public final class NetworkLsCommand extends ApiCommand {
  @Option(names = {"-f", "--filter"}, paramLabel = "filter", description = "Provide filter values (e.g. \"driver=bridge\")")
  List<String> filters = new ArrayList<>();

  @Option(names = "--format", paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = "--no-trunc", description = "Do not truncate the output")
  boolean noTrunc;

  @Option(names = {"-q", "--quiet"}, description = "Only display network IDs")
  boolean quiet;

  public NetworkLsCommand(CliContext ctx) {
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
    List<Map<String, Object>> nets = new ArrayList<>();
    for (Object n : Jv.list(api().get("/networks", q))) {
      nets.add(Jv.map(n));
    }
    nets.sort(Comparator.comparing(n -> Jv.str(n, "Name")));
    List<Object> rows = new ArrayList<>();
    for (Map<String, Object> n : nets) {
      rows.add(new NetworkRow(n, !noTrunc));
    }
    Output.print(out(), Formatter.choose(format, NetworkRow.DEFAULT_TABLE, quiet, "{{.ID}}"), NetworkRow.HEADER, rows);
    return 0;
  }
}
