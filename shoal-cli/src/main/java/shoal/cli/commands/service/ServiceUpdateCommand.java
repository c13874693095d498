package shoal.cli.commands.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.commands.ApiCommand;
import shoal.cli.json.Jv;

/**
 * {@code service update}: reads the service (and its version), applies the given flags to its
 * spec, sends it back, prints the service as named and, unless {@code -d}, shows the rolling
 * update converging. {@code --rollback} asks the daemon for its previous spec instead.
 */
@Command(name = "update", description = "Update a service", customSynopsis = "[OPTIONS] SERVICE")
public final class ServiceUpdateCommand extends ApiCommand {
  /** What may go with --rollback: everything else is a change, which a rollback cannot carry. */
  private static final Set<String> WITH_ROLLBACK = Set.of("--rollback", "--detach", "--quiet");

  @Mixin ServiceFlags flags;
  @Mixin UpdateFlags update;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  public ServiceUpdateCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Integer call() {
    Object current = api().get("/services/" + Paths.seg(service), Query.of().add("insertDefaults", "false"));
    if (update.rollback && spec.commandLine().getParseResult().matchedOptions().stream()
        .map(OptionSpec::longestName).anyMatch(n -> !WITH_ROLLBACK.contains(n))) {
      throw new CliException("other flags may not be combined with --rollback");
    }
    Map<String, Object> serviceSpec = Jv.map(current, "Spec");
    List<String> warnings = new ArrayList<>();
    try {
      UpdateSpec.apply(serviceSpec, flags, update, ctx.env(), api());
      if (update.image != null && !flags.noResolveImage) {
        ImageDigest.pin(api(), (Map<String, Object>) serviceSpec.get("TaskTemplate")).ifPresent(warnings::add);
      }
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    Query q = Query.of().add("registryAuthFrom", "spec");
    if (update.rollback) {
      q.add("rollback", "previous");
    }
    q.add("version", Jv.lng(current, "Version", "Index"));
    Object answer = api().post("/services/" + Paths.seg(Jv.str(current, "ID")) + "/update", q, serviceSpec);
    warnings.addAll(Jv.list(answer, "Warnings").stream().map(Object::toString).toList());
    warnings.forEach(err()::println);
    out().println(service);
    out().flush();
    if (!flags.detach) {
      Progress.await(ctx, service, flags.quiet);
    }
    return 0;
  }
}
