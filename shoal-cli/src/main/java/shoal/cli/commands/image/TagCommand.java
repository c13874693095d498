package shoal.cli.commands.image;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.commands.ApiCommand;

@Command(name = "tag", description = "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
    customSynopsis = "SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]")
public final class TagCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "SOURCE_IMAGE[:TAG]")
  String source;

  @Parameters(index = "1", paramLabel = "TARGET_IMAGE[:TAG]")
  String target;

  public TagCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    int colon = target.lastIndexOf(':');
    boolean hasTag = colon > target.lastIndexOf('/');
    Query q = Query.of().add("repo", hasTag ? target.substring(0, colon) : target);
    if (hasTag) {
      q.add("tag", target.substring(colon + 1));
    }
    api().post("/images/" + Paths.seg(source) + "/tag", q, null);
    return 0;
  }
}
