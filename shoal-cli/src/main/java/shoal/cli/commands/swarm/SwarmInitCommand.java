package shoal.cli.commands.swarm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.ApiException;
import shoal.cli.commands.ApiCommand;

@Command(name = "init", description = "Initialize a swarm", customSynopsis = "[OPTIONS]")
public final class SwarmInitCommand extends ApiCommand {
  @Option(names = "--advertise-addr", paramLabel = "string", description = "Advertised address (format: \"<ip|interface>[:port]\")")
  String advertiseAddr = "";

  @Option(names = "--listen-addr", paramLabel = "node-addr", converter = ListenAddr.Converter.class,
      description = "Listen address (format: \"<ip|interface>[:port]\") (default 0.0.0.0:2377)")
  String listenAddr = ListenAddr.DEFAULT;

  @Option(names = "--availability", paramLabel = "string",
      description = "Availability of the node (\"active\", \"pause\", \"drain\") (default \"active\")")
  String availability;

  @Option(names = "--default-addr-pool", paramLabel = "ipNetSlice", split = ",", converter = AddrPool.Converter.class,
      description = "default address pool in CIDR format (default [])")
  List<String> defaultAddrPools = new ArrayList<>();

  @Option(names = "--default-addr-pool-mask-length", paramLabel = "uint32", converter = GoInts.Uint32.class,
      description = "default address pool subnet mask length (default 24)")
  long defaultAddrPoolMaskLength = 24;

  @Mixin SpecFlags spec;

  public SwarmInitCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    String avail = availability == null ? "" : JoinInstructions.availability(availability);
    Map<String, Object> specJson = SpecFlags.zeroSpec();
    spec.mergeInto(specJson);
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("ListenAddr", listenAddr);
    req.put("AdvertiseAddr", advertiseAddr);
    req.put("DataPathAddr", "");
    req.put("DataPathPort", 0L);
    req.put("ForceNewCluster", false);
    req.put("Spec", specJson);
    req.put("AutoLockManagers", false);
    req.put("Availability", avail);
    req.put("DefaultAddrPool", defaultAddrPools);
    req.put("SubnetSize", defaultAddrPoolMaskLength);
    String nodeId;
    try {
      Object answer = api().post("/swarm/init", null, req);
      if (!(answer instanceof String id)) {
        throw new CliException("unexpected answer to swarm init: " + answer);
      }
      nodeId = id;
    } catch (ApiException e) {
      String m = e.getMessage();
      if (m.contains("could not choose an IP address to advertise") || m.contains("could not find the system's IP address")) {
        throw new CliException(m + " - specify one with --advertise-addr");
      }
      throw e;
    }
    out().print("Swarm initialized: current node (" + nodeId + ") is now a manager.\n\n");
    JoinInstructions.print(api(), out(), nodeId, true, false);
    out().println("To add a manager to this swarm, run 'shoal swarm join-token manager' and follow the instructions.");
    out().flush();
    return 0;
  }
}
