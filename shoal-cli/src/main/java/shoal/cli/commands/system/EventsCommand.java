package shoal.cli.commands.system;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.HttpResponse;
import shoal.cli.api.Query;
import shoal.cli.api.RequestBody;
import shoal.cli.commands.ApiCommand;
import shoal.cli.format.template.Template;
import shoal.cli.format.template.TemplateException;
import shoal.cli.json.Json;
import shoal.cli.json.Jv;
import shoal.cli.opts.FilterArgs;
import shoal.cli.opts.Timestamps;

/** {@code events}: the daemon's event stream, one line per event as docker prints it, until --until or ^C. */
@Command(name = "events", description = "Get real time events from the server", customSynopsis = "[OPTIONS]")
public final class EventsCommand extends ApiCommand {
  private static final DateTimeFormatter RFC3339_NANO_FIXED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX");

  @Option(names = {"-f", "--filter"}, paramLabel = "filter", description = "Filter output based on conditions provided")
  List<String> filters = new ArrayList<>();

  @Option(names = "--format", paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = "--since", paramLabel = "string", description = "Show all events created since timestamp")
  String since;

  @Option(names = "--until", paramLabel = "string", description = "Stream events until this timestamp")
  String until;

  public EventsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() throws IOException {
    Template template = null;
    Query q;
    try {
      if (format != null && !format.isEmpty()) {
        template = Template.parse(format.equals("json") ? "{{json .}}" : format);
      }
      Instant now = Instant.now();
      q = Query.of().addIfPresent("since", Timestamps.toApi(since, now)).addIfPresent("until", Timestamps.toApi(until, now))
          .addIfPresent("filters", FilterArgs.encode(filters));
    } catch (IllegalArgumentException | TemplateException e) {
      throw new CliException(e.getMessage());
    }
    try (HttpResponse r = api().call("GET", "/events", q, RequestBody.NONE); Json.Reader events = Json.reader(r.body())) {
      Optional<Object> e;
      while ((e = events.next()).isPresent()) {
        out().println(template != null ? template.execute(e.get()) : pretty(e.get()));
        out().flush();
      }
    }
    return 0;
  }

  /** docker's line: time, type, action, actor and its sorted attributes. */
  static String pretty(Object e) {
    StringBuilder sb = new StringBuilder();
    long nanos = Jv.lng(e, "timeNano");
    Instant t = nanos != 0 ? Instant.ofEpochSecond(0, nanos) : Instant.ofEpochSecond(Jv.lng(e, "time"));
    sb.append(RFC3339_NANO_FIXED.format(t.atZone(ZoneId.systemDefault()))).append(' ');
    sb.append(Jv.str(e, "Type")).append(' ').append(Jv.str(e, "Action")).append(' ').append(Jv.str(e, "Actor", "ID"));
    Map<String, Object> attrs = new TreeMap<>(Jv.map(e, "Actor", "Attributes"));
    if (!attrs.isEmpty()) {
      List<String> kv = new ArrayList<>();
      attrs.forEach((k, v) -> kv.add(k + "=" + v));
      sb.append(" (").append(String.join(", ", kv)).append(')');
    }
    return sb.toString();
  }
}
