package shoal.cli.commands.node;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.commands.ApiCommand;

@Command(name = "promote", description = "Promote one or more nodes to manager in the swarm", customSynopsis = "NODE [NODE...]")
public final class NodePromoteCommand extends ApiCommand {
  @Parameters(arity = "1..*", paramLabel = "NODE")
  List<String> nodes;

  public NodePromoteCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    try {
      NodeUpdates.apply(api(), nodes,
          NodeUpdates.role("manager", id -> out().println("Node " + id + " is already a manager.")),
          ref -> out().println("Node " + ref + " promoted to a manager in the swarm."));
    } finally {
      out().flush();
    }
    return 0;
  }
}
