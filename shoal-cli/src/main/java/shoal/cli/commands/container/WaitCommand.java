package shoal.cli.commands.container;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.ApiException;
import shoal.cli.api.Paths;
import shoal.cli.commands.ApiCommand;
import shoal.cli.json.Jv;

@Command(name = "wait", description = "Block until one or more containers stop, then print their exit codes",
    customSynopsis = "CONTAINER [CONTAINER...]")
public final class WaitCommand extends ApiCommand {
  @Parameters(arity = "1..*", paramLabel = "CONTAINER")
  List<String> containers;

  public WaitCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    List<String> errors = new ArrayList<>();
    for (String c : containers) {
      try {
        Object r = api().post("/containers/" + Paths.seg(c) + "/wait", null, null);
        out().println(Jv.lng(r, "StatusCode"));
      } catch (ApiException e) {
        errors.add(e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new CliException(String.join("\n", errors));
    }
    return 0;
  }
}
