package shoal.cli.commands.node;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.ApiException;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.commands.ApiCommand;

@Command(name = "rm", aliases = "remove", description = "Remove one or more nodes from the swarm", customSynopsis = "[OPTIONS] NODE [NODE...]")
public final class NodeRmCommand extends ApiCommand {
  @Option(names = {"-f", "--force"}, description = "Force remove a node from the swarm")
  boolean force;

  @Parameters(arity = "1..*", paramLabel = "NODE")
  List<String> nodes;

  public NodeRmCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    List<String> errors = new ArrayList<>();
    for (String n : nodes) {
      try {
        api().delete("/nodes/" + Paths.seg(n), Query.of().flag("force", force));
        out().println(n);
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
