package shoal.cli.commands.network;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.ApiException;
import shoal.cli.api.Paths;
import shoal.cli.commands.ApiCommand;

@Command(name = "rm", aliases = "remove", description = "Remove one or more networks", customSynopsis = "NETWORK [NETWORK...]")
public final class NetworkRmCommand extends ApiCommand {
  @Option(names = {"-f", "--force"}, description = "Do not error if the network does not exist")
  boolean force;

  @Parameters(arity = "1..*", paramLabel = "NETWORK")
  List<String> networks;

  public NetworkRmCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    int status = 0;
    for (String n : networks) {
      try {
        api().delete("/networks/" + Paths.seg(n), null);
        out().println(n);
      } catch (ApiException e) {
        if (force && e.isNotFound()) {
          continue;
        }
        out().flush();
        err().println(e.getMessage());
        status = 1;
      }
    }
    out().flush();
    if (status != 0) {
      throw CliException.status(status);
    }
    return 0;
  }
}
