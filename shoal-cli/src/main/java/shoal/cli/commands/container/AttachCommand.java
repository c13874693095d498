package shoal.cli.commands.container;

import java.io.IOException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.HttpResponse;
import shoal.cli.commands.ApiCommand;
import shoal.cli.json.Jv;

@Command(name = "attach", description = "Attach local standard input, output, and error streams to a running container",
    customSynopsis = "[OPTIONS] CONTAINER")
public final class AttachCommand extends ApiCommand {
  @Option(names = "--no-stdin", description = "Do not attach STDIN")
  boolean noStdin;

  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  public AttachCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() throws IOException {
    Map<String, Object> c = Containers.inspect(api(), container);
    if (!Jv.bool(c, "State", "Running")) {
      throw new CliException("You cannot attach to a stopped container, start it first");
    }
    String id = Jv.str(c, "Id");
    boolean tty = Jv.bool(c, "Config", "Tty");
    boolean stdin = !noStdin && Jv.bool(c, "Config", "OpenStdin");
    if (tty && stdin && !ctx.io().stdinIsTerminal()) {
      throw new CliException("the input device is not a TTY");
    }
    try (StreamSession session = StreamSession.attach(api(), id, stdin, tty, ctx.io())) {
      HttpResponse wait = Containers.registerWait(api(), id, "next-exit");
      session.start(stdin);
      session.forwardSize(api(), "/containers/" + id + "/resize");
      session.awaitOutput();
      int status = Containers.exitCode(wait);
      if (status != 0) {
        throw CliException.status(status);
      }
    }
    return 0;
  }
}
