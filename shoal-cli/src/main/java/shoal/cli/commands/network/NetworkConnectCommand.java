package shoal.cli.commands.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.api.Paths;
import shoal.cli.commands.ApiCommand;
import shoal.cli.opts.KeyValues;

@Command(name = "connect", description = "Connect a container to a network", customSynopsis = "[OPTIONS] NETWORK CONTAINER")
public final class NetworkConnectCommand extends ApiCommand {
  @Option(names = "--alias", paramLabel = "strings", description = "Add network-scoped alias for the container")
  List<String> aliases = new ArrayList<>();

  @Option(names = "--driver-opt", paramLabel = "strings", description = "driver options for the network")
  List<String> driverOpts = new ArrayList<>();

  @Option(names = "--ip", paramLabel = "string", description = "IPv4 address (e.g., \"172.30.100.104\")")
  String ip;

  @Option(names = "--ip6", paramLabel = "string", description = "IPv6 address (e.g., \"2001:db8::33\")")
  String ip6;

  @Option(names = "--link", paramLabel = "list", description = "Add link to another container")
  List<String> links = new ArrayList<>();

  @Parameters(index = "0", paramLabel = "NETWORK")
  String network;

  @Parameters(index = "1", paramLabel = "CONTAINER")
  String container;

  public NetworkConnectCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Map<String, Object> ipam = new LinkedHashMap<>();
    if (ip != null) {
      ipam.put("IPv4Address", ip);
    }
    if (ip6 != null) {
      ipam.put("IPv6Address", ip6);
    }
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("IPAMConfig", ipam.isEmpty() ? null : ipam);
    endpoint.put("Links", links);
    endpoint.put("Aliases", aliases);
    endpoint.put("DriverOpts", KeyValues.map(driverOpts));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Container", container);
    body.put("EndpointConfig", endpoint);
    api().post("/networks/" + Paths.seg(network) + "/connect", null, body);
    return 0;
  }
}
