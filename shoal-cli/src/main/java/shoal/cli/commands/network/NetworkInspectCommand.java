package shoal.cli.commands.network;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.commands.ApiCommand;
import shoal.cli.commands.Inspector;

@Command(name = "inspect", description = "Display detailed information on one or more networks",
    customSynopsis = "[OPTIONS] NETWORK [NETWORK...]")
public final class NetworkInspectCommand extends ApiCommand {
  @Option(names = {"-f", "--format"}, paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = {"-v", "--verbose"}, description = "Verbose output for diagnostics")
  boolean verbose;

  @Parameters(arity = "1..*", paramLabel = "NETWORK")
  List<String> networks;

  public NetworkInspectCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    return Inspector.inspect(ctx, networks, List.of(Inspector.Kind.NETWORK), format, verbose);
  }
}
