package shoal.cli.commands.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.ApiException;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.commands.ApiCommand;
import shoal.cli.json.Jv;

/**
 * {@code service scale SERVICE=N …}: sets each replicated service's replicas (failures reported
 * together at the end), then, unless {@code -d}, shows each converging in turn.
 */
@Command(name = "scale", description = "Scale one or multiple replicated services", customSynopsis = "SERVICE=REPLICAS [SERVICE=REPLICAS...]")
public final class ServiceScaleCommand extends ApiCommand {
  @Option(names = {"-d", "--detach"}, description = "Exit immediately instead of waiting for the service to converge")
  boolean detach;

  @Parameters(arity = "1..*", paramLabel = "SERVICE=REPLICAS")
  List<String> args;

  public ServiceScaleCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0 || eq == arg.length() - 1) {
        throw new CliException("invalid scale specifier '" + arg + "'.\nSee 'shoal service scale --help'.\n\n"
            + "Usage:  shoal service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]\n\nScale one or multiple replicated services");
      }
    }
    List<String> errors = new ArrayList<>();
    List<String> scaled = new ArrayList<>();
    for (String arg : args) {
      String name = arg.substring(0, arg.indexOf('='));
      String value = arg.substring(arg.indexOf('=') + 1);
      if (!value.chars().allMatch(c -> c >= '0' && c <= '9') || value.length() > 20
          || new java.math.BigInteger(value).bitLength() > 64) {
        String why = value.chars().allMatch(c -> c >= '0' && c <= '9') ? "value out of range" : "invalid syntax";
        errors.add(name + ": invalid replicas value " + value + ": strconv.ParseUint: parsing \"" + value + "\": " + why);
        continue;
      }
      long replicas = new java.math.BigInteger(value).longValue();
      try {
        scale(name, replicas);
      } catch (ApiException | CliException e) {
        errors.add(name + ": " + e.getMessage());
        continue;
      }
      out().println(name + " scaled to " + Long.toUnsignedString(replicas));
      out().flush();
      scaled.add(name);
    }
    if (!detach) {
      for (String name : scaled) {
        try {
          Progress.await(ctx, name, false);
        } catch (ApiException | CliException e) {
          errors.add(name + ": " + e.getMessage());
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new CliException(String.join("\n", errors));
    }
    return 0;
  }

  private void scale(String name, long replicas) {
    Object service = api().get("/services/" + Paths.seg(name), Query.of().add("insertDefaults", "false"));
    Map<String, Object> spec = Jv.map(service, "Spec");
    if (!(Jv.get(spec, "Mode", "Replicated") instanceof Map<?, ?>)) {
      throw new CliException("scale can only be used with replicated or replicated-job mode");
    }
    UpdateSpec.section(UpdateSpec.section(spec, "Mode"), "Replicated").put("Replicas", replicas);
    Object answer = api().post("/services/" + Paths.seg(Jv.str(service, "ID")) + "/update",
        Query.of().add("version", Jv.lng(service, "Version", "Index")), spec);
    Jv.list(answer, "Warnings").forEach(err()::println);
  }
}
