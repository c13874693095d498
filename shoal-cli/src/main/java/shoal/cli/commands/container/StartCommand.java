package shoal.cli.commands.container;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.ApiException;
import shoal.cli.api.HttpResponse;
import shoal.cli.api.Paths;
import shoal.cli.commands.ApiCommand;
import shoal.cli.json.Jv;

@Command(name = "start", description = "Start one or more stopped containers",
    customSynopsis = "[OPTIONS] CONTAINER [CONTAINER...]")
public final class StartCommand extends ApiCommand {
  @Option(names = {"-a", "--attach"}, description = "Attach STDOUT/STDERR and forward signals")
  boolean attach;

  @Option(names = {"-i", "--interactive"}, description = "Attach container's STDIN")
  boolean interactive;

  @Parameters(arity = "1..*", paramLabel = "CONTAINER")
  List<String> containers;

  public StartCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() throws IOException {
    if (attach || interactive) {
      if (containers.size() > 1) {
        throw new CliException("you cannot start and attach multiple containers at once");
      }
      return startAttached(containers.getFirst());
    }
    List<String> failed = new ArrayList<>();
    for (String c : containers) {
      try {
        api().post("/containers/" + Paths.seg(c) + "/start", null, null);
        out().println(c);
      } catch (ApiException e) {
        err().println(e.getMessage());
        failed.add(c);
      }
    }
    if (!failed.isEmpty()) {
      throw new CliException("Error: failed to start containers: " + String.join(", ", failed));
    }
    return 0;
  }

  private int startAttached(String name) throws IOException {
    Map<String, Object> c = Containers.inspect(api(), name);
    String id = Jv.str(c, "Id");
    boolean tty = Jv.bool(c, "Config", "Tty");
    boolean stdin = interactive && Jv.bool(c, "Config", "OpenStdin");
    if (tty && stdin && !ctx.io().stdinIsTerminal()) {
      throw new CliException("the input device is not a TTY");
    }
    try (StreamSession session = StreamSession.attach(api(), id, stdin, tty, ctx.io())) {
      HttpResponse wait = Containers.registerWait(api(), id, "next-exit");
      session.start(stdin);
      api().post("/containers/" + id + "/start", null, null);
      session.forwardSize(api(), "/containers/" + id + "/resize");
      session.awaitOutput();
      int status = Containers.exitCode(wait);
      if (status != 0) {
        throw CliException.status(status);
      }
      return 0;
    }
  }
}
