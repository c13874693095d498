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

@Command(name = "restart", description = "Restart one or more containers",
    customSynopsis = "[OPTIONS] CONTAINER [CONTAINER...]")
public final class RestartCommand extends ApiCommand {
  @Option(names = {"-s", "--signal"}, paramLabel = "string", description = "Signal to send to the container")
  String signal;

  @Option(names = {"-t", "--timeout", "--time"}, paramLabel = "int", description = "Seconds to wait before killing the container")
  Integer timeout;

  @Parameters(arity = "1..*", paramLabel = "CONTAINER")
  List<String> containers;

  public RestartCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Query q = Query.of().addIfPresent("signal", signal);
    if (timeout != null) {
      q.add("t", timeout);
    }
    Each.printNames(containers, out(), err(), false,
        c -> api().post("/containers/" + Paths.seg(c) + "/restart", q, null));
    return 0;
  }
}
