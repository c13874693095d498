package shoal.cli.commands.swarm;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.HttpResponse;
import shoal.cli.api.RequestBody;
import shoal.cli.commands.ApiCommand;
import shoal.cli.format.template.Template;
import shoal.cli.format.template.TemplateException;
import shoal.cli.json.Json;
import shoal.cli.json.JsonIndent;
import shoal.cli.json.Jv;

/**
 * {@code swarm inspect}, which docker 1.12 had and later folded into {@code info}: the daemon's
 * {@code /swarm} as an indented array, a template of it, or (--pretty) the Swarm section of
 * {@code info}.
 */
@Command(name = "inspect", description = "Display detailed information on the swarm", customSynopsis = "[OPTIONS]")
public final class SwarmInspectCommand extends ApiCommand {
  @Option(names = {"-f", "--format"}, paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = "--pretty", description = "Print the information in a human friendly format")
  boolean pretty;

  public SwarmInspectCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    if (pretty) {
      Object info = api().get("/info", null);
      SwarmSection.lines(Jv.map(info, "Swarm")).forEach(l -> out().println(l.substring(1)));
      out().flush();
      return 0;
    }
    String raw;
    try (HttpResponse r = api().call("GET", "/swarm", null, RequestBody.NONE)) {
      raw = r.bodyText().strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (format != null && !format.isEmpty() && !format.equals("json")) {
      try {
        out().println(Template.parse(format).execute(Json.parse(raw)));
      } catch (TemplateException e) {
        throw new CliException("template parsing error: " + e.getMessage());
      }
    } else {
      out().println(JsonIndent.indent("[" + raw + "]", "    "));
    }
    out().flush();
    return 0;
  }
}
