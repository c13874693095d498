package shoal.cli.commands.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.HttpResponse;
import shoal.cli.api.Query;
import shoal.cli.api.RequestBody;
import shoal.cli.commands.ApiCommand;
import shoal.cli.format.JsonMessages;

/** {@code image import}: a root filesystem tarball (file, URL or {@code -}) becomes an image. */
@Command(name = "import", description = "Import the contents from a tarball to create a filesystem image",
    customSynopsis = "[OPTIONS] file|URL|- [REPOSITORY[:TAG]]")
public final class ImportCommand extends ApiCommand {
  @Option(names = {"-c", "--change"}, paramLabel = "list", description = "Apply Dockerfile instruction to the created image")
  List<String> changes = new ArrayList<>();

  @Option(names = {"-m", "--message"}, paramLabel = "string", description = "Set commit message for imported image")
  String message;

  @Option(names = "--platform", paramLabel = "string", description = "Set platform if server is multi-platform capable")
  String platform;

  @Parameters(index = "0", paramLabel = "file|URL|-")
  String source;

  @Parameters(index = "1", arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
  String reference;

  public ImportCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() throws IOException {
    Query q = Query.of();
    RequestBody body = RequestBody.NONE;
    InputStream file = null;
    if (source.equals("-")) {
      q.add("fromSrc", "-");
      body = new RequestBody.Stream("application/x-tar", ctx.io().in(), -1);
    } else if (source.startsWith("http://") || source.startsWith("https://")) {
      q.add("fromSrc", source);
    } else {
      Path p = Path.of(source);
      try {
        file = Files.newInputStream(p);
      } catch (NoSuchFileException e) {
        throw new CliException("open " + source + ": no such file or directory");
      }
      q.add("fromSrc", "-");
      body = new RequestBody.Stream("application/x-tar", file, Files.size(p));
    }
    if (reference != null) {
      int colon = reference.lastIndexOf(':');
      boolean hasTag = colon > reference.lastIndexOf('/');
      q.add("repo", hasTag ? reference.substring(0, colon) : reference);
      if (hasTag) {
        q.add("tag", reference.substring(colon + 1));
      }
    }
    q.addIfPresent("message", message).addIfPresent("platform", platform);
    for (String c : changes) {
      q.add("changes", c);
    }
    try (HttpResponse r = api().call("POST", "/images/create", q, body)) {
      JsonMessages.display(r.body(), out(), ctx.io().stdoutIsTerminal());
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
