package shoal.cli.commands.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.StopsAtFirstArgument;
import shoal.cli.commands.ApiCommand;
import shoal.cli.json.Jv;

/**
 * {@code service create}: builds the spec from the flags, sends it, prints the new service's ID
 * and, unless {@code -d}, shows the tasks converging.
 */
@Command(name = "create", description = "Create a new service", customSynopsis = "[OPTIONS] IMAGE [COMMAND] [ARG...]")
public final class ServiceCreateCommand extends ApiCommand implements StopsAtFirstArgument {
  @Mixin ServiceFlags flags;

  @Option(names = "--name", paramLabel = "string", description = "Service name")
  String name;

  @Option(names = "--mode", paramLabel = "string", defaultValue = "replicated", description = "Service mode (\"replicated\", \"global\")")
  String mode;

  @Option(names = {"-l", "--label"}, paramLabel = "list", description = "Service labels")
  List<String> labels = new ArrayList<>();

  @Option(names = "--container-label", paramLabel = "list", description = "Container labels")
  List<String> containerLabels = new ArrayList<>();

  @Option(names = {"-e", "--env"}, paramLabel = "list", description = "Set environment variables")
  List<String> env = new ArrayList<>();

  @Option(names = "--constraint", paramLabel = "list", description = "Placement constraints")
  List<String> constraints = new ArrayList<>();

  @Option(names = "--placement-pref", paramLabel = "pref", description = "Add a placement preference")
  List<String> placementPrefs = new ArrayList<>();

  @Option(names = "--network", paramLabel = "network", converter = NetworkAttachment.Converter.class, description = "Network attachments")
  List<NetworkAttachment> networks = new ArrayList<>();

  @Option(names = {"-p", "--publish"}, paramLabel = "port", converter = Publish.Converter.class, description = "Publish a port as a node port")
  List<Publish> publish = new ArrayList<>();

  @Parameters(index = "0", paramLabel = "IMAGE")
  String image;

  @Parameters(index = "1..*", paramLabel = "COMMAND")
  List<String> args = new ArrayList<>();

  public ServiceCreateCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Map<String, Object> spec;
    try {
      spec = CreateSpec.build(new CreateSpec.Request(name, mode, labels, containerLabels, env, constraints, placementPrefs,
          networks, publish, image, args), flags, ctx.env(), api());
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    List<String> warnings = new ArrayList<>();
    if (!flags.noResolveImage) {
      @SuppressWarnings("unchecked")
      Map<String, Object> task = (Map<String, Object>) spec.get("TaskTemplate");
      ImageDigest.pin(api(), task).ifPresent(warnings::add);
    }
    Object created = api().post("/services/create", null, spec);
    warnings.addAll(Jv.list(created, "Warnings").stream().map(Object::toString).toList());
    Optional.ofNullable(Jv.get(created, "Warning")).ifPresent(w -> warnings.add(w.toString()));
    warnings.forEach(err()::println);
    String id = Jv.str(created, "ID");
    out().println(id);
    out().flush();
    if (!flags.detach) {
      Progress.await(ctx, id, flags.quiet);
    }
    return 0;
  }
}
