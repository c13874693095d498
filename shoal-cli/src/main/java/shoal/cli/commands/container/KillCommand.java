package shoal.cli.commands.container;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.commands.ApiCommand;
import shoal.cli.commands.Each;

@Command(name = "kill", description = "Kill one or more running containers",
    customSynopsis = "[OPTIONS] CONTAINER [CONTAINER...]")
public final class KillCommand extends ApiCommand {
  @Option(names = {"-s", "--signal"}, paramLabel = "string", description = "Signal to send to the container")
  String signal;

  @Parameters(arity = "1..*", paramLabel = "CONTAINER")
  List<String> containers;

  public KillCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Query q = Query.of().addIfPresent("signal", signal);
    Each.printNames(containers, out(), err(), false,
        c -> api().post("/containers/" + Paths.seg(c) + "/kill", q, null));
    return 0;
  }
}
