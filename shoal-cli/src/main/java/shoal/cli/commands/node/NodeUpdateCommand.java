package shoal.cli.commands.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.commands.ApiCommand;
import shoal.cli.opts.KeyValues;

@Command(name = "update", description = "Update a node", customSynopsis = "[OPTIONS] NODE")
public final class NodeUpdateCommand extends ApiCommand {
  @Option(names = "--availability", paramLabel = "string", description = "Availability of the node (\"active\", \"pause\", \"drain\")")
  String availability;

  @Option(names = "--label-add", paramLabel = "list", description = "Add or update a node label (\"key=value\")")
  List<String> labelAdd = new ArrayList<>();

  @Option(names = "--label-rm", paramLabel = "list", description = "Remove a node label if exists")
  List<String> labelRm = new ArrayList<>();

  @Option(names = "--role", paramLabel = "string", description = "Role of the node (\"worker\", \"manager\")")
  String role;

  @Parameters(index = "0", paramLabel = "NODE")
  String node;

  public NodeUpdateCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    NodeUpdates.apply(api(), List.of(node), (n, spec) -> {
      merge(spec);
      return true;
    }, ref -> out().println(ref));
    out().flush();
    return 0;
  }

  /** The flags' changes to a node spec: role, availability, labels added then removed. */
  void merge(Map<String, Object> spec) {
    if (role != null) {
      spec.put("Role", role);
    }
    if (availability != null) {
      spec.put("Availability", availability);
    }
    Map<String, Object> labels = new TreeMap<>(); // sorted, as docker (Go) writes a map
    if (spec.get("Labels") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> labels.put(String.valueOf(k), v));
    }
    labels.putAll(KeyValues.map(labelAdd));
    for (String k : labelRm) {
      if (!labels.containsKey(k)) {
        throw new CliException("key " + k + " doesn't exist in node's labels");
      }
      labels.remove(k);
    }
    spec.put("Labels", labels);
  }
}
