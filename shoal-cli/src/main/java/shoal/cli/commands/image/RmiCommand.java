package shoal.cli.commands.image;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.ApiException;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.commands.ApiCommand;
import shoal.cli.json.Jv;

@Command(name = "rm", aliases = "remove", description = "Remove one or more images",
    customSynopsis = "[OPTIONS] IMAGE [IMAGE...]")
public final class RmiCommand extends ApiCommand {
  @Option(names = {"-f", "--force"}, description = "Force removal of the image")
  boolean force;

  @Option(names = "--no-prune", description = "Do not delete untagged parents")
  boolean noPrune;

  @Parameters(arity = "1..*", paramLabel = "IMAGE")
  List<String> images;

  public RmiCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Query q = Query.of().flag("force", force).flag("noprune", noPrune);
    List<String> errors = new ArrayList<>();
    boolean fatal = false;
    for (String img : images) {
      try {
        for (Object d : Jv.list(api().delete("/images/" + Paths.seg(img), q))) {
          String deleted = Jv.str(d, "Deleted");
          out().println(deleted.isEmpty() ? "Untagged: " + Jv.str(d, "Untagged") : "Deleted: " + deleted);
        }
      } catch (ApiException e) {
        fatal |= !(force && e.isNotFound());
        errors.add(e.getMessage());
      }
    }
    out().flush();
    if (!errors.isEmpty()) {
      if (!fatal) {
        err().println(String.join("\n", errors));
        return 0;
      }
      throw new CliException(String.join("\n", errors));
    }
    return 0;
  }
}
