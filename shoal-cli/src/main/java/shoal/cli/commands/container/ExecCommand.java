package shoal.cli.commands.container;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.StopsAtFirstArgument;
import shoal.cli.api.Paths;
import shoal.cli.commands.ApiCommand;
import shoal.cli.json.Jv;
import shoal.cli.opts.KeyValues;

/** {@code exec}: runs a process in a running container and exits with its exit code. */
@Command(name = "exec", description = "Execute a command in a running container",
    customSynopsis = "[OPTIONS] CONTAINER COMMAND [ARG...]")
public final class ExecCommand extends ApiCommand implements StopsAtFirstArgument {
  @Option(names = {"-d", "--detach"}, description = "Detached mode: run command in the background")
  boolean detach;

  @Option(names = {"-e", "--env"}, paramLabel = "list", description = "Set environment variables")
  List<String> env = new ArrayList<>();

  @Option(names = "--env-file", paramLabel = "list", description = "Read in a file of environment variables")
  List<String> envFiles = new ArrayList<>();

  @Option(names = {"-i", "--interactive"}, description = "Keep STDIN open even if not attached")
  boolean interactive;

  @Option(names = "--privileged", description = "Give extended privileges to the command")
  boolean privileged;

  @Option(names = {"-t", "--tty"}, description = "Allocate a pseudo-TTY")
  boolean tty;

  @Option(names = {"-u", "--user"}, paramLabel = "string", description = "Username or UID (format: \"<name|uid>[:<group|gid>]\")")
  String user;

  @Option(names = {"-w", "--workdir"}, paramLabel = "string", description = "Working directory inside the container")
  String workdir;

  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND")
  List<String> cmd;

  public ExecCommand(CliContext ctx) {
    super(ctx);
  }

  private static final int EXIT_POLLS = 40;
  private static final long EXIT_POLL_MS = 50;

  /** The exec's inspect once it is no longer running (its output may end a moment before). */
  private Object finishedExec(String execId) {
    Object inspect = api().get("/exec/" + execId + "/json", null);
    for (int i = 0; i < EXIT_POLLS && Jv.bool(inspect, "Running"); i++) {
      try {
        Thread.sleep(EXIT_POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      inspect = api().get("/exec/" + execId + "/json", null);
    }
    return inspect;
  }

  @Override
  public Integer call() throws IOException {
    if (!detach && tty && interactive && !ctx.io().stdinIsTerminal()) {
      throw new CliException("the input device is not a TTY");
    }
    List<String> envs = new ArrayList<>();
    try {
      for (String f : envFiles) {
        envs.addAll(KeyValues.envFile(Path.of(f), ctx.env()));
      }
      for (String e : env) {
        envs.add(KeyValues.env(e, ctx.env()));
      }
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("User", user == null ? "" : user);
    body.put("Privileged", privileged);
    body.put("Tty", tty);
    body.put("AttachStdin", interactive && !detach);
    body.put("AttachStdout", !detach);
    body.put("AttachStderr", !detach);
    body.put("Detach", detach);
    body.put("Env", envs);
    body.put("WorkingDir", workdir == null ? "" : workdir);
    body.put("Cmd", cmd);
    String execId = Jv.str(api().post("/containers/" + Paths.seg(container) + "/exec", null, body), "Id");
    if (detach) {
      Map<String, Object> start = new LinkedHashMap<>();
      start.put("Detach", true);
      start.put("Tty", tty);
      api().post("/exec/" + execId + "/start", null, start);
      return 0;
    }
    try (StreamSession session = StreamSession.execStart(api(), execId, tty, ctx.io())) {
      session.start(interactive);
      session.forwardSize(api(), "/exec/" + execId + "/resize");
      session.awaitOutput();
    }
    int code = (int) Jv.lng(finishedExec(execId), "ExitCode");
    if (code != 0) {
      throw CliException.status(code);
    }
    return 0;
  }
}
