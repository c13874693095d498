package shoal.cli.commands.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.HttpResponse;
import shoal.cli.api.Query;
import shoal.cli.api.RequestBody;
import shoal.cli.commands.ApiCommand;
import shoal.cli.format.JsonMessages;

/** {@code image load}: a {@code docker save} tarball from a file or stdin, the daemon's progress shown. */
@Command(name = "load", description = "Load an image from a tar archive or STDIN", customSynopsis = "[OPTIONS]")
public final class LoadCommand extends ApiCommand {
  @Option(names = {"-i", "--input"}, paramLabel = "string", description = "Read from tar archive file, instead of STDIN")
  String input;

  @Option(names = {"-q", "--quiet"}, description = "Suppress the load output")
  boolean quiet;

  public LoadCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() throws IOException {
    RequestBody body;
    InputStream file = null;
    if (input != null && !input.isEmpty()) {
      Path p = Path.of(input);
      try {
        file = Files.newInputStream(p);
      } catch (NoSuchFileException e) {
        throw new CliException("open " + input + ": no such file or directory");
      }
      body = new RequestBody.Stream("application/x-tar", file, Files.size(p));
    } else {
      if (ctx.io().stdinIsTerminal()) {
        throw new CliException("requested load from stdin, but stdin is empty");
      }
      body = new RequestBody.Stream("application/x-tar", ctx.io().in(), -1);
    }
    // Without a terminal docker asks for quiet output: progress bars would be dropped anyway.
    boolean q = quiet || !ctx.io().stdoutIsTerminal();
    try (HttpResponse r = api().call("POST", "/images/load", Query.of().flag("quiet", q), body)) {
      if (r.header("Content-Type").orElse("").contains("json")) {
        JsonMessages.display(r.body(), out(), ctx.io().stdoutIsTerminal());
      } else {
        r.body().transferTo(out());
      }
    } catch (JsonMessages.StreamError e) {
      throw new CliException(e.getMessage());
    } finally {
      if (file != null) {
        file.close();
      }
    }
    out().flush();
    return 0;
  }
}
