package shoal.cli.commands.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.Query;
import shoal.cli.commands.ApiCommand;
import shoal.cli.json.Jv;
import shoal.cli.opts.FilterArgs;

@Command(name = "prune", description = "Remove all unused networks", customSynopsis = "[OPTIONS]")
public final class NetworkPruneCommand extends ApiCommand {
  private static final String WARNING = "WARNING! This will remove all custom networks not used by at least one container.\n"
      + "Are you sure you want to continue? [y/N] ";

  @Option(names = "--filter", paramLabel = "filter", description = "Provide filter values (e.g. \"until=<timestamp>\")")
  List<String> filters = new ArrayList<>();

  @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
  boolean force;

  public NetworkPruneCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() throws IOException {
    if (!force && !confirm()) {
      return 0;
    }
    Query q;
    try {
      q = Query.of().addIfPresent("filters", FilterArgs.encode(filters));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    List<Object> deleted = Jv.list(api().post("/networks/prune", q, null), "NetworksDeleted");
    if (!deleted.isEmpty()) {
      StringBuilder sb = new StringBuilder("Deleted Networks:\n");
      deleted.forEach(n -> sb.append(n).append('\n'));
      out().println(sb);
    }
    return 0;
  }

  private boolean confirm() throws IOException {
    out().print(WARNING);
    out().flush();
    String answer = new BufferedReader(new InputStreamReader(ctx.io().in(), StandardCharsets.UTF_8)).readLine();
    return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
  }
}
