package shoal.cli.commands.network;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.api.Paths;
import shoal.cli.commands.ApiCommand;

@Command(name = "disconnect", description = "Disconnect a container from a network",
    customSynopsis = "[OPTIONS] NETWORK CONTAINER")
public final class NetworkDisconnectCommand extends ApiCommand {
  @Option(names = {"-f", "--force"}, description = "Force the container to disconnect from a network")
  boolean force;

  @Parameters(index = "0", paramLabel = "NETWORK")
  String network;

  @Parameters(index = "1", paramLabel = "CONTAINER")
  String container;

  public NetworkDisconnectCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Container", container);
    body.put("Force", force);
    api().post("/networks/" + Paths.seg(network) + "/disconnect", null, body);
    return 0;
  }
}
