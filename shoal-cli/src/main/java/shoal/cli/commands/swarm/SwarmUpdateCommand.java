package shoal.cli.commands.swarm;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import shoal.cli.CliContext;
import shoal.cli.api.EngineClient;
import shoal.cli.api.Query;
import shoal.cli.commands.ApiCommand;
import shoal.cli.json.Jv;

@Command(name = "update", description = "Update the swarm", customSynopsis = "[OPTIONS]")
public final class SwarmUpdateCommand extends ApiCommand {
  @Mixin SpecFlags flags;

  @Spec CommandSpec self;

  public SwarmUpdateCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    if (!flags.anySet()) {
      // docker answers an update without flags with its usage, and success
      self.commandLine().usage(self.commandLine().getOut());
      return 0;
    }
    Object sw = api().get("/swarm", null);
    Map<String, Object> spec = new java.util.LinkedHashMap<>(Jv.map(sw, "Spec"));
    flags.mergeInto(spec);
    update(api(), sw, spec, false, false);
    out().println("Swarm updated.");
    out().flush();
    return 0;
  }

  /**
   * {@code POST /swarm/update} of {@code spec} at the version {@code swarm} was read at, so that a
   * concurrent change makes the daemon refuse rather than be overwritten.
   */
  static void update(EngineClient api, Object swarm, Map<String, Object> spec, boolean rotateWorker, boolean rotateManager) {
    Query q = Query.of()
        .add("rotateManagerToken", Boolean.toString(rotateManager))
        .add("rotateManagerUnlockKey", "false")
        .add("rotateWorkerToken", Boolean.toString(rotateWorker))
        .add("version", Jv.lng(swarm, "Version", "Index"));
    api.post("/swarm/update", q, spec);
  }
}
