package shoal.cli.commands.swarm;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import shoal.cli.CliContext;
import shoal.cli.api.Query;
import shoal.cli.commands.ApiCommand;

@Command(name = "leave", description = "Leave the swarm", customSynopsis = "[OPTIONS]")
public final class SwarmLeaveCommand extends ApiCommand {
  @Option(names = {"-f", "--force"}, description = "Force this node to leave the swarm, ignoring warnings")
  boolean force;

  public SwarmLeaveCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    api().post("/swarm/leave", Query.of().flag("force", force), null);
    out().println("Node left the swarm.");
    out().flush();
    return 0;
  }
}
