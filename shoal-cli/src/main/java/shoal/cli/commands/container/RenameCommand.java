package shoal.cli.commands.container;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.commands.ApiCommand;

@Command(name = "rename", description = "Rename a container", customSynopsis = "CONTAINER NEW_NAME")
public final class RenameCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Parameters(index = "1", paramLabel = "NEW_NAME")
  String newName;

  public RenameCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    String oldName = container.strip();
    String name = newName.strip();
    if (oldName.isEmpty() || name.isEmpty()) {
      throw new CliException("Error: Neither old nor new names may be empty");
    }
    api().post("/containers/" + Paths.seg(oldName) + "/rename", Query.of().add("name", name), null);
    return 0;
  }
}
