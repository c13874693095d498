package shoal.cli.commands.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.Query;
import shoal.cli.commands.ApiCommand;
import shoal.cli.commands.Output;
import shoal.cli.commands.node.NaturalOrder;
import shoal.cli.format.Formatter;
import shoal.cli.json.Jv;

@Command(name = "ls", aliases = "list", description = "List services", customSynopsis = "[OPTIONS]")
public final class ServiceLsCommand extends ApiCommand {
  @Option(names = {"-f", "--filter"}, paramLabel = "filter", description = "Filter output based on conditions provided")
  List<String> filters = new ArrayList<>();

  @Option(names = "--format", paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
  boolean quiet;

  public ServiceLsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Query q;
    try {
      q = Query.of().addIfPresent("filters", Filters.of(filters).encode());
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    if (!quiet) {
      q.add("status", "true"); // running and desired counts, done by the daemon since API 1.41
    }
    List<Object> services = new ArrayList<>(Jv.list(api().get("/services", q)));
    if (!quiet) {
      withStatus(services);
    }
    services.sort(Comparator.comparing(s -> Jv.str(s, "Spec", "Name"), NaturalOrder.INSTANCE));
    Output.print(out(), Formatter.choose(format, ServiceRow.DEFAULT_TABLE, quiet, "{{.ID}}"), ServiceRow.HEADER,
        services.stream().map(ServiceRow::new).toList());
    return 0;
  }

  /**
   * Counts running and desired tasks for the services a daemon sent without ServiceStatus, from
   * their tasks and the nodes up, as docker does for daemons older than API 1.41.
   */
  @SuppressWarnings("unchecked")
  private void withStatus(List<Object> services) {
    Map<String, long[]> counts = new HashMap<>();
    Filters taskFilter = new Filters();
    for (Object s : services) {
      if (Jv.get(s, "ServiceStatus") != null) {
        continue;
      }
      long desired = Jv.lng(s, "Spec", "Mode", "Replicated", "Replicas");
      if (Jv.get(s, "Spec", "Mode", "Replicated") != null || Jv.get(s, "Spec", "Mode", "Global") != null) {
        counts.put(Jv.str(s, "ID"), new long[] {0, 0, desired});
        taskFilter.add("service", Jv.str(s, "ID"));
      }
    }
    if (counts.isEmpty()) {
      return;
    }
    List<Object> tasks = Jv.list(api().get("/tasks", Query.of().add("filters", taskFilter.encode())));
    Set<String> up = Jv.list(api().get("/nodes", null)).stream()
        .filter(n -> !Jv.str(n, "Status", "State").equals("down")).map(n -> Jv.str(n, "ID")).collect(Collectors.toSet());
    for (Object t : tasks) {
      long[] c = counts.get(Jv.str(t, "ServiceID"));
      if (c == null) {
        continue;
      }
      if (!Jv.str(t, "DesiredState").equals("shutdown")) {
        c[1]++;
      }
      if (up.contains(Jv.str(t, "NodeID")) && Jv.str(t, "Status", "State").equals("running")) {
        c[0]++;
      }
    }
    for (Object s : services) {
      long[] c = counts.get(Jv.str(s, "ID"));
      if (c != null) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("RunningTasks", c[0]);
        status.put("DesiredTasks", tasks.isEmpty() ? c[2] : c[1]);
        ((Map<String, Object>) s).put("ServiceStatus", status);
      }
    }
  }
}
