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

@Command(name = "rm", aliases = "remove", description = "Remove one or more containers",
    customSynopsis = "[OPTIONS] CONTAINER [CONTAINER...]")
public final class RmCommand extends ApiCommand {
  @Option(names = {"-f", "--force"}, description = "Force the removal of a running container (uses SIGKILL)")
  boolean force;

  @Option(names = {"-v", "--volumes"}, description = "Remove anonymous volumes associated with the container")
  boolean volumes;

  @Option(names = {"-l", "--link"}, description = "Remove the specified link")
  boolean link;

  @Parameters(arity = "1..*", paramLabel = "CONTAINER")
  List<String> containers;

  public RmCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Query q = Query.of().flag("force", force).flag("v", volumes).flag("link", link);
    Each.printNames(containers, out(), err(), force, c -> {
      String name = c.replaceAll("^/+|/+$", "");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("container name cannot be empty");
      }
      api().delete("/containers/" + Paths.seg(name), q);
    });
    return 0;
  }
}
