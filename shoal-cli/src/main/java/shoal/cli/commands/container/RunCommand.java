package shoal.cli.commands.container;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.StopsAtFirstArgument;
import shoal.cli.api.ApiException;
import shoal.cli.api.DaemonUnreachableException;
import shoal.cli.api.HttpResponse;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.commands.ApiCommand;
import shoal.cli.opts.ContainerOptions;
import shoal.cli.term.Signals;

/**
 * {@code run}: create; without -d attach first, register the wait, start, stream, and exit with
 * the container's code. Failures exit 125, or 126/127 when the command cannot be run or found.
 */
@Command(name = "run", description = "Create and run a new container from an image",
    customSynopsis = "[OPTIONS] IMAGE [COMMAND] [ARG...]")
public final class RunCommand extends ApiCommand implements StopsAtFirstArgument {
  @Mixin ContainerOptions opts;

  @Option(names = {"-d", "--detach"}, description = "Run container in background and print container ID")
  boolean detach;

  @Option(names = "--sig-proxy", arity = "0..1", defaultValue = "true", fallbackValue = "true",
      description = "Proxy received signals to the process")
  boolean sigProxy;

  @Parameters(index = "0", paramLabel = "IMAGE")
  String image;

  @Parameters(index = "1..*", paramLabel = "COMMAND")
  List<String> cmd = new ArrayList<>();

  public RunCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    if (!detach && opts.tty && opts.interactive && !ctx.io().stdinIsTerminal()) {
      throw new CliException("the input device is not a TTY");
    }
    try {
      return run();
    } catch (ApiException | DaemonUnreachableException | IllegalArgumentException e) {
      throw statusError(e.getMessage());
    } catch (IOException e) {
      throw statusError(e.getMessage());
    }
  }

  private int run() throws IOException {
    Map<String, Object> body = opts.createBody(image, cmd, !detach, ctx.env());
    String id = Containers.create(api(), body, opts.name, err()).id();
    if (detach) {
      api().post("/containers/" + id + "/start", null, null);
      out().println(id);
      return 0;
    }
    try (StreamSession session = StreamSession.attach(api(), id, opts.interactive, opts.tty, ctx.io())) {
      HttpResponse wait = Containers.registerWait(api(), id, opts.rm ? "removed" : "next-exit");
      session.start(opts.interactive);
      try {
        api().post("/containers/" + id + "/start", null, null);
      } catch (ApiException e) {
        session.close();
        if (opts.rm) {
          wait.close();
        }
        throw e;
      }
      if (opts.tty) {
        session.forwardSize(api(), "/containers/" + id + "/resize");
      } else if (sigProxy) {
        Signals.proxy(sig -> kill(id, sig));
      }
      session.awaitOutput();
      return Containers.exitCode(wait);
    }
  }

  private void kill(String id, String signal) {
    try {
      api().post("/containers/" + Paths.seg(id) + "/kill", Query.of().add("signal", "SIG" + signal), null);
    } catch (RuntimeException e) {
      // The container may be gone already; the run ends with its status either way.
    }
  }

  /** docker's toStatusError: 127 when the command is not found, 126 when it cannot be run. */
  private static CliException statusError(String msg) {
    int code = 125;
    if (msg.contains("executable file not found") || msg.contains("no such file or directory")
        || msg.contains("system cannot find the file specified")) {
      code = 127;
    } else if (msg.contains("permission denied") || msg.contains("is a directory")) {
      code = 126;
    }
    return new CliException("shoal: " + msg + "\n\nRun 'shoal run --help' for more information", code);
  }
}
