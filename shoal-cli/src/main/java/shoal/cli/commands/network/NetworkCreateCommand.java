package shoal.cli.commands.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.commands.ApiCommand;
import shoal.cli.json.Jv;
import shoal.cli.opts.KeyValues;

@Command(name = "create", description = "Create a network", customSynopsis = "[OPTIONS] NETWORK")
public final class NetworkCreateCommand extends ApiCommand {
  @Option(names = "--attachable", description = "Enable manual container attachment")
  boolean attachable;

  @Option(names = "--aux-address", paramLabel = "map", description = "Auxiliary IPv4 or IPv6 addresses used by Network driver")
  List<String> auxAddresses = new ArrayList<>();

  @Option(names = {"-d", "--driver"}, paramLabel = "string", defaultValue = "bridge", description = "Driver to manage the Network")
  String driver;

  @Option(names = "--gateway", paramLabel = "strings", description = "IPv4 or IPv6 Gateway for the master subnet")
  List<String> gateways = new ArrayList<>();

  @Option(names = "--ingress", description = "Create swarm routing-mesh network")
  boolean ingress;

  @Option(names = "--internal", description = "Restrict external access to the network")
  boolean internal;

  @Option(names = "--ip-range", paramLabel = "strings", description = "Allocate container ip from a sub-range")
  List<String> ipRanges = new ArrayList<>();

  @Option(names = "--ipam-driver", paramLabel = "string", defaultValue = "default", description = "IP Address Management Driver")
  String ipamDriver;

  @Option(names = "--ipam-opt", paramLabel = "map", description = "Set IPAM driver specific options")
  List<String> ipamOpts = new ArrayList<>();

  @Option(names = "--ipv6", description = "Enable or disable IPv6 networking")
  boolean ipv6;

  @Option(names = "--label", paramLabel = "list", description = "Set metadata on a network")
  List<String> labels = new ArrayList<>();

  @Option(names = {"-o", "--opt"}, paramLabel = "map", description = "Set driver specific options")
  List<String> opts = new ArrayList<>();

  @Option(names = "--scope", paramLabel = "string", description = "Control the network's scope")
  String scope;

  @Option(names = "--subnet", paramLabel = "strings", description = "Subnet in CIDR format that represents a network segment")
  List<String> subnets = new ArrayList<>();

  @Parameters(index = "0", paramLabel = "NETWORK")
  String name;

  public NetworkCreateCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    List<Map<String, Object>> ipamConfig;
    try {
      ipamConfig = Ipam.config(subnets, ipRanges, gateways, KeyValues.map(auxAddresses));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    Map<String, Object> ipam = new LinkedHashMap<>();
    ipam.put("Driver", ipamDriver);
    ipam.put("Config", ipamConfig);
    ipam.put("Options", KeyValues.map(ipamOpts));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Name", name);
    body.put("CheckDuplicate", true);
    body.put("Driver", driver);
    if (scope != null) {
      body.put("Scope", scope);
    }
    body.put("EnableIPv6", ipv6);
    body.put("IPAM", ipam);
    body.put("Internal", internal);
    body.put("Attachable", attachable);
    body.put("Ingress", ingress);
    body.put("Options", KeyValues.map(opts));
    body.put("Labels", KeyValues.map(labels));
    Object r = api().post("/networks/create", null, body);
    String warning = Jv.str(r, "Warning");
    if (!warning.isEmpty()) {
      err().println("WARNING: " + warning);
    }
    out().println(Jv.str(r, "Id"));
    return 0;
  }
}
