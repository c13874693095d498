package shoal.cli.commands.service;

import java.io.IOException;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.ApiException;
import shoal.cli.api.HttpResponse;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.api.RequestBody;
import shoal.cli.api.StdStreams;
import shoal.cli.commands.ApiCommand;
import shoal.cli.json.Jv;
import shoal.cli.opts.Timestamps;

/**
 * {@code service logs}: the logs of every task of a service (or of one task), gathered by the
 * daemon from their nodes, each line prefixed with the task and node it came from.
 */
@Command(name = "logs", description = "Fetch the logs of a service or task", customSynopsis = "[OPTIONS] SERVICE|TASK")
public final class ServiceLogsCommand extends ApiCommand {
  @Option(names = "--details", description = "Show extra details provided to logs")
  boolean details;

  @Option(names = {"-f", "--follow"}, description = "Follow log output")
  boolean follow;

  @Option(names = "--no-resolve", description = "Do not map IDs to Names in output")
  boolean noResolve;

  @Option(names = "--no-task-ids", description = "Do not include task IDs in output")
  boolean noTaskIds;

  @Option(names = "--no-trunc", description = "Do not truncate output")
  boolean noTrunc;

  @Option(names = "--raw", description = "Do not neatly format logs")
  boolean raw;

  @Option(names = "--since", paramLabel = "string",
      description = "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)")
  String since;

  @Option(names = {"-n", "--tail"}, paramLabel = "string", defaultValue = "all", description = "Number of lines to show from the end of the logs")
  String tail;

  @Option(names = {"-t", "--timestamps"}, description = "Show timestamps")
  boolean timestamps;

  @Parameters(index = "0", paramLabel = "SERVICE|TASK")
  String target;

  public ServiceLogsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() throws IOException {
    String path;
    boolean tty;
    int width = 1;
    try {
      Object service = api().get("/services/" + Paths.seg(target), Query.of().add("insertDefaults", "false"));
      path = "/services/";
      tty = Jv.bool(service, "Spec", "TaskTemplate", "ContainerSpec", "TTY");
      if (Jv.get(service, "Spec", "Mode", "Replicated", "Replicas") != null) {
        width = Long.toString(Jv.lng(service, "Spec", "Mode", "Replicated", "Replicas")).length();
      }
    } catch (ApiException e) {
      if (!e.isNotFound()) {
        throw e;
      }
      Object task = task();
      path = "/tasks/";
      tty = Jv.bool(task, "Spec", "ContainerSpec", "TTY");
      width = Long.toString(Jv.lng(task, "Slot")).length();
    }
    if (tty && !raw) {
      throw new CliException("tty service logs only supported with --raw");
    }
    Query q;
    try {
      // docker asks for details unless --raw: they say which task and node each line is from
      q = Query.of().flag("details", details || !raw).flag("follow", follow)
          .addIfPresent("since", Timestamps.toApi(since, Instant.now())).flag("stderr", true).flag("stdout", true)
          .add("tail", tail).flag("timestamps", timestamps);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    try (HttpResponse r = api().call("GET", path + Paths.seg(target) + "/logs", q, RequestBody.NONE)) {
      if (tty) {
        StdStreams.copyRaw(r.body(), out());
      } else if (raw) {
        StdStreams.demux(r.body(), out(), err());
      } else {
        LogPrefixes prefixes = new LogPrefixes(api(), noResolve, timestamps, details, noTaskIds, noTrunc, width);
        StdStreams.demux(r.body(), prefixes.formatting(out()), prefixes.formatting(err()));
      }
    }
    out().flush();
    return 0;
  }

  private Object task() {
    try {
      return api().get("/tasks/" + Paths.seg(target), null);
    } catch (ApiException e) {
      throw e.isNotFound() ? new CliException("no such task or service: " + target) : e;
    }
  }
}
