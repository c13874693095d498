package shoal.cli.commands.swarm;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.commands.ApiCommand;
import shoal.cli.json.Jv;

@Command(name = "join-token", description = "Manage join tokens", customSynopsis = "[OPTIONS] (worker|manager)")
public final class SwarmJoinTokenCommand extends ApiCommand {
  @Option(names = "--rotate", description = "Rotate join token")
  boolean rotate;

  @Option(names = {"-q", "--quiet"}, description = "Only display token")
  boolean quiet;

  @Parameters(index = "0", paramLabel = "(worker|manager)")
  String role;

  public SwarmJoinTokenCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    boolean worker = role.equals("worker");
    boolean manager = role.equals("manager");
    if (!worker && !manager) {
      throw new CliException("unknown role " + role);
    }
    if (rotate) {
      Object sw = api().get("/swarm", null);
      SwarmUpdateCommand.update(api(), sw, Jv.map(sw, "Spec"), worker, manager);
      if (!quiet) {
        out().print("Successfully rotated " + role + " join token.\n\n");
      }
    }
    Object sw = api().get("/swarm", null);
    if (quiet) {
      out().println(Jv.str(sw, "JoinTokens", worker ? "Worker" : "Manager"));
      out().flush();
      return 0;
    }
    String nodeId = Jv.str(api().get("/info", null), "Swarm", "NodeID");
    JoinInstructions.print(api(), out(), nodeId, worker, manager);
    return 0;
  }
}
