package shoal.cli.commands.container;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.StopsAtFirstArgument;
import shoal.cli.api.ApiException;
import shoal.cli.commands.ApiCommand;
import shoal.cli.opts.ContainerOptions;

@Command(name = "create", description = "Create a new container", customSynopsis = "[OPTIONS] IMAGE [COMMAND] [ARG...]")
public final class CreateCommand extends ApiCommand implements StopsAtFirstArgument {
  @Mixin ContainerOptions opts;

  @Parameters(index = "0", paramLabel = "IMAGE")
  String image;

  @Parameters(index = "1..*", paramLabel = "COMMAND")
  List<String> cmd = new ArrayList<>();

  public CreateCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() throws IOException {
    try {
      // Like docker create: attach flags describe how `start -a` will attach later.
      var body = opts.createBody(image, cmd, true, ctx.env());
      out().println(Containers.create(api(), body, opts.name, err()).id());
      return 0;
    } catch (ApiException | IllegalArgumentException e) {
      throw new CliException("shoal: " + e.getMessage() + "\n\nRun 'shoal create --help' for more information", 125);
    }
  }
}
