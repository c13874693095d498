package shoal.cli.commands.image;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.Query;
import shoal.cli.commands.ApiCommand;
import shoal.cli.commands.Output;
import shoal.cli.format.Formatter;
import shoal.cli.json.Jv;
import shoal.cli.opts.FilterArgs;

@Command(name = "ls", aliases = "list", description = "List images", customSynopsis = "[OPTIONS] [REPOSITORY[:TAG]]")
public final class ImagesCommand extends ApiCommand {
  @Option(names = {"-a", "--all"}, description = "Show all images (default hides intermediate images)")
  boolean all;

  @Option(names = "--digests", description = "Show digests")
  boolean digests;

  @Option(names = {"-f", "--filter"}, paramLabel = "filter", description = "Filter output based on conditions provided")
  List<String> filters = new ArrayList<>();

  @Option(names = "--format", paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = "--no-trunc", description = "Don't truncate output")
  boolean noTrunc;

  @Option(names = {"-q", "--quiet"}, description = "Only show image IDs")
  boolean quiet;

  @Parameters(arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
  String reference;

  public ImagesCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    List<String> f = new ArrayList<>(filters);
    if (reference != null) {
      f.add("reference=" + reference);
    }
    String table = digests ? ImageRow.DIGESTS_TABLE : ImageRow.DEFAULT_TABLE;
    String fmt = Formatter.choose(format, table, quiet, "{{.ID}}");
    Query q;
    try {
      q = Query.of().flag("all", all).addIfPresent("filters", FilterArgs.encode(f));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    Instant now = Instant.now();
    List<Object> rows = new ArrayList<>();
    for (Object img : Jv.list(api().get("/images/json", q))) {
      rows.addAll(ImageRow.rows(Jv.map(img), !noTrunc, now));
    }
    Output.print(out(), fmt, ImageRow.HEADER, rows);
    return 0;
  }
}
