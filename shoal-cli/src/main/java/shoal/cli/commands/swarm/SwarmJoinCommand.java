package shoal.cli.commands.swarm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.commands.ApiCommand;
import shoal.cli.json.Jv;

@Command(name = "join", description = "Join a swarm as a node and/or manager", customSynopsis = "[OPTIONS] HOST:PORT")
public final class SwarmJoinCommand extends ApiCommand {
  @Option(names = "--token", paramLabel = "string", description = "Token for entry into the swarm")
  String token = "";

  @Option(names = "--advertise-addr", paramLabel = "string", description = "Advertised address (format: \"<ip|interface>[:port]\")")
  String advertiseAddr = "";

  @Option(names = "--listen-addr", paramLabel = "node-addr", converter = ListenAddr.Converter.class,
      description = "Listen address (format: \"<ip|interface>[:port]\") (default 0.0.0.0:2377)")
  String listenAddr = ListenAddr.DEFAULT;

  @Option(names = "--availability", paramLabel = "string",
      description = "Availability of the node (\"active\", \"pause\", \"drain\") (default \"active\")")
  String availability;

  @Parameters(index = "0", paramLabel = "HOST:PORT")
  String remote;

  public SwarmJoinCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    String avail = availability == null ? "" : JoinInstructions.availability(availability);
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("ListenAddr", listenAddr);
    req.put("AdvertiseAddr", advertiseAddr);
    req.put("DataPathAddr", "");
    req.put("RemoteAddrs", List.of(remote));
    req.put("JoinToken", token);
    req.put("Availability", avail);
    api().post("/swarm/join", null, req);
    Object info = api().get("/info", null);
    out().println(Jv.bool(info, "Swarm", "ControlAvailable")
        ? "This node joined a swarm as a manager." : "This node joined a swarm as a worker.");
    out().flush();
    return 0;
  }
}
