package shoal.cli.commands.container;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.HttpResponse;
import shoal.cli.api.Query;
import shoal.cli.api.RequestBody;
import shoal.cli.api.StdStreams;
import shoal.cli.commands.ApiCommand;
import shoal.cli.json.Jv;
import shoal.cli.opts.Timestamps;

@Command(name = "logs", description = "Fetch the logs of a container", customSynopsis = "[OPTIONS] CONTAINER")
public final class LogsCommand extends ApiCommand {
  @Option(names = "--details", description = "Show extra details provided to logs")
  boolean details;

  @Option(names = {"-f", "--follow"}, description = "Follow log output")
  boolean follow;

  @Option(names = "--since", paramLabel = "string", description = "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)")
  String since;

  @Option(names = {"-n", "--tail"}, paramLabel = "string", defaultValue = "all", description = "Number of lines to show from the end of the logs")
  String tail;

  @Option(names = {"-t", "--timestamps"}, description = "Show timestamps")
  boolean timestamps;

  @Option(names = "--until", paramLabel = "string", description = "Show logs before a timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)")
  String until;

  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  public LogsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() throws IOException {
    Map<String, Object> c = Containers.inspect(api(), container);
    String id = Jv.str(c, "Id");
    Instant now = Instant.now();
    Query q;
    try {
      q = Query.of().flag("stdout", true).flag("stderr", true)
          .addIfPresent("since", Timestamps.toApi(since, now))
          .addIfPresent("until", Timestamps.toApi(until, now))
          .flag("timestamps", timestamps).flag("follow", follow)
          .add("tail", tail).flag("details", details);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    try (HttpResponse r = api().call("GET", "/containers/" + id + "/logs", q, RequestBody.NONE)) {
      if (Jv.bool(c, "Config", "Tty")) {
        StdStreams.copyRaw(r.body(), out());
      } else {
        StdStreams.demux(r.body(), out(), err());
      }
    }
    out().flush();
    return 0;
  }
}
