package shoal.cli.commands;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;

/** {@code inspect}, and {@code container|image|network inspect} with a fixed kind. */
@Command(name = "inspect", description = "Return low-level information on Shoal objects",
    customSynopsis = "[OPTIONS] NAME|ID [NAME|ID...]")
public final class InspectCommand extends ApiCommand {
  @Option(names = {"-f", "--format"}, paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = {"-s", "--size"}, description = "Display total file sizes if the type is container")
  boolean size;

  @Option(names = "--type", paramLabel = "string", description = "Only inspect objects of the given type")
  String type;

  @Parameters(arity = "1..*", paramLabel = "NAME|ID")
  List<String> names;

  private final Inspector.Kind fixed;

  /** The top-level {@code inspect}: any kind. */
  public InspectCommand(CliContext ctx) {
    this(ctx, null);
  }

  public InspectCommand(CliContext ctx, Inspector.Kind fixed) {
    super(ctx);
    this.fixed = fixed;
  }

  @Override
  public Integer call() {
    List<Inspector.Kind> kinds;
    if (fixed != null) {
      kinds = List.of(fixed);
    } else if (type != null && !type.isEmpty()) {
      kinds = List.of(Inspector.Kind.of(type));
    } else {
      kinds = List.of(Inspector.Kind.values());
    }
    return Inspector.inspect(ctx, names, kinds, format, size);
  }
}
