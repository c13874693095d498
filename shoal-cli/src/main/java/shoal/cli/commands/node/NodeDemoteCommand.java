package shoal.cli.commands.node;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.commands.ApiCommand;

@Command(name = "demote", description = "Demote one or more nodes from manager in the swarm", customSynopsis = "NODE [NODE...]")
public final class NodeDemoteCommand extends ApiCommand {
  @Parameters(arity = "1..*", paramLabel = "NODE")
  List<String> nodes;

  public NodeDemoteCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    try {
      NodeUpdates.apply(api(), nodes,
          NodeUpdates.role("worker", id -> out().println("Node " + id + " is already a worker.")),
          ref -> out().println("Manager " + ref + " demoted in the swarm."));
    } finally {
      out().flush();
    }
    return 0;
  }
}
