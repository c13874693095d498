package shoal.cli.commands.service;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.Query;
import shoal.cli.commands.ApiCommand;
import shoal.cli.json.Jv;

@Command(name = "ps", description = "List the tasks of one or more services", customSynopsis = "[OPTIONS] SERVICE [SERVICE...]")
public final class ServicePsCommand extends ApiCommand {
  @Option(names = {"-f", "--filter"}, paramLabel = "filter", description = "Filter output based on conditions provided")
  List<String> filters = new ArrayList<>();

  @Option(names = "--format", paramLabel = "string", description = "Pretty-print tasks using a Go template")
  String format;

  @Option(names = "--no-resolve", description = "Do not map IDs to Names")
  boolean noResolve;

  @Option(names = "--no-trunc", description = "Do not truncate output")
  boolean noTrunc;

  @Option(names = {"-q", "--quiet"}, description = "Only display task IDs")
  boolean quiet;

  @Parameters(arity = "1..*", paramLabel = "SERVICE")
  List<String> services;

  public ServicePsCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    Filters filter;
    try {
      filter = Filters.of(filters);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    List<String> notFound = new ArrayList<>();
    int found = addServices(filter, notFound);
    if (found == 0) {
      throw new CliException(String.join("\n", notFound));
    }
    List<Object> tasks = Jv.list(api().get("/tasks", Query.of().add("filters", NodeRef.resolveSelf(api(), filter))));
    TaskPrinter.print(api(), out(), tasks, noResolve, !noTrunc && !quiet, quiet, format);
    if (!notFound.isEmpty()) {
      throw new CliException(String.join("\n", notFound));
    }
    return 0;
  }

  /** Adds each named service to the filter, as docker matches them: full ID, then name, then unique ID prefix. */
  private int addServices(Filters filter, List<String> notFound) {
    Filters byId = new Filters();
    Filters byName = new Filters();
    services.forEach(s -> {
      byId.add("id", s);
      byName.add("name", s);
    });
    List<Object> idMatches = Jv.list(api().get("/services", Query.of().add("filters", byId.encode())));
    List<Object> nameMatches = Jv.list(api().get("/services", Query.of().add("filters", byName.encode())));
    int count = 0;
    for (String ref : services) {
      String id = idMatches.stream().map(s -> Jv.str(s, "ID")).filter(ref::equals).findFirst()
          .or(() -> nameMatches.stream().filter(s -> Jv.str(s, "Spec", "Name").equals(ref)).map(s -> Jv.str(s, "ID")).findFirst())
          .orElse(null);
      if (id != null) {
        filter.add("service", id);
        count++;
        continue;
      }
      List<String> prefixed = idMatches.stream().map(s -> Jv.str(s, "ID")).filter(i -> i.startsWith(ref)).toList();
      if (prefixed.size() > 1) {
        throw new CliException("multiple services found with provided prefix: " + ref);
      }
      if (prefixed.isEmpty()) {
        notFound.add("no such service: " + ref);
      } else {
        filter.add("service", prefixed.getFirst());
        count++;
      }
    }
    return count;
  }
}
