package shoal.cli.commands.service;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.ApiException;
import shoal.cli.api.Paths;
import shoal.cli.commands.ApiCommand;

/** {@code service rm}: removes each service, printing it as named; failures reported together at the end. */
@Command(name = "rm", aliases = "remove", description = "Remove one or more services", customSynopsis = "SERVICE [SERVICE...]")
public final class ServiceRmCommand extends ApiCommand {
  @Parameters(arity = "1..*", paramLabel = "SERVICE")
  List<String> services;

  public ServiceRmCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    List<String> errors = new ArrayList<>();
    for (String s : services) {
      try {
        api().delete("/services/" + Paths.seg(s), null);
        out().println(s);
      } catch (ApiException e) {
        errors.add(e.getMessage());
      }
    }
    out().flush();
    if (!errors.isEmpty()) {
      throw new CliException(String.join("\n", errors));
    }
    return 0;
  }
}
