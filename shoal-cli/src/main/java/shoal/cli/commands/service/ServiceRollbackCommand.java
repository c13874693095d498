package shoal.cli.commands.service;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.commands.ApiCommand;
import shoal.cli.json.Jv;

/** {@code service rollback}: asks the daemon to go back to the service's previous spec. */
@Command(name = "rollback", description = "Revert changes to a service's configuration", customSynopsis = "[OPTIONS] SERVICE")
public final class ServiceRollbackCommand extends ApiCommand {
  @Option(names = {"-d", "--detach"}, description = "Exit immediately instead of waiting for the service to converge")
  boolean detach;

  @Option(names = {"-q", "--quiet"}, description = "Suppress progress output")
  boolean quiet;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  public ServiceRollbackCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Object current = api().get("/services/" + Paths.seg(service), Query.of().add("insertDefaults", "false"));
    Object answer = api().post("/services/" + Paths.seg(Jv.str(current, "ID")) + "/update",
        Query.of().add("rollback", "previous").add("version", Jv.lng(current, "Version", "Index")), Jv.map(current, "Spec"));
    Jv.list(answer, "Warnings").forEach(err()::println);
    out().println(service);
    out().flush();
    if (!detach) {
      Progress.await(ctx, service, quiet);
    }
    return 0;
  }
}
