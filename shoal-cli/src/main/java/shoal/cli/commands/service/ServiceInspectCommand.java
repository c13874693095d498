package shoal.cli.commands.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.ApiException;
import shoal.cli.api.HttpResponse;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.api.RequestBody;
import shoal.cli.commands.ApiCommand;
import shoal.cli.format.template.Template;
import shoal.cli.format.template.TemplateException;
import shoal.cli.json.Json;
import shoal.cli.json.JsonIndent;
import shoal.cli.json.Jv;

/**
 * {@code service inspect}: JSON (an indented array), a template per service, or the pretty
 * layout. As in docker, JSON and templates print what was found and report the others after;
 * pretty prints nothing unless every service was found.
 */
@Command(name = "inspect", description = "Display detailed information on one or more services",
    customSynopsis = "[OPTIONS] SERVICE [SERVICE...]")
public final class ServiceInspectCommand extends ApiCommand {
  /** Maps docker sorts when it re-encodes a service (Go writes map keys in order). */
  private static final List<List<String>> SORTED_MAPS = List.of(
      List.of("Labels"), List.of("TaskTemplate", "ContainerSpec", "Labels"), List.of("TaskTemplate", "LogDriver", "Options"),
      List.of("TaskTemplate", "ContainerSpec", "Sysctls"));

  @Option(names = {"-f", "--format"}, paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = "--pretty", description = "Print the information in a human friendly format")
  boolean pretty;

  @Parameters(arity = "1..*", paramLabel = "SERVICE")
  List<String> refs;

  public ServiceInspectCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    if (pretty && format != null && !format.isEmpty()) {
      throw new CliException("--format is incompatible with human friendly format");
    }
    String f = pretty ? "pretty" : format == null ? "" : format;
    if (f.startsWith("pretty") && !f.equals("pretty")) {
      throw new CliException("Cannot supply extra formatting options to the pretty template");
    }
    if (f.equals("pretty")) {
      StringBuilder text = new StringBuilder();
      Map<String, String> names = new HashMap<>();
      for (String ref : refs) {
        text.append(ServicePretty.render(Json.parse(raw(ref)), id -> names.computeIfAbsent(id, this::networkName), Instant.now()));
      }
      out().print(text);
      out().flush();
      return 0;
    }
    Template template = null;
    if (!f.isEmpty() && !f.equals("json")) {
      try {
        template = Template.parse(f);
      } catch (TemplateException e) {
        throw new CliException("template parsing error: " + e.getMessage());
      }
    }
    List<String> found = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String ref : refs) {
      try {
        found.add(raw(ref));
      } catch (CliException e) {
        errors.add(e.getMessage());
      }
    }
    StringBuilder text = new StringBuilder();
    if (template != null) {
      for (String raw : found) {
        text.append(template.execute(Json.parse(raw))).append('\n');
      }
    } else {
      List<String> sorted = found.stream().map(ServiceInspectCommand::withSortedMaps).toList();
      text.append(sorted.isEmpty() ? "[]" : JsonIndent.indent("[" + String.join(",", sorted) + "]", "    ")).append('\n');
    }
    out().print(text);
    out().flush();
    if (!errors.isEmpty()) {
      throw new CliException(String.join("\n", errors));
    }
    return 0;
  }

  /** The daemon's JSON of the service with its defaults filled in; a missing one in docker's words. */
  private String raw(String ref) {
    try (HttpResponse r = api().call("GET", "/services/" + Paths.seg(ref), Query.of().add("insertDefaults", "true"), RequestBody.NONE)) {
      return r.bodyText().strip();
    } catch (ApiException e) {
      throw new CliException(e.isNotFound() ? "Error: no such service: " + ref : e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String networkName(String id) {
    try {
      return Jv.str(api().get("/networks/" + Paths.seg(id), Query.of().add("scope", "swarm")), "Name");
    } catch (ApiException e) {
      return id;
    }
  }

  /** The service with its label and option maps sorted by key; everything else as the daemon wrote it. */
  @SuppressWarnings("unchecked")
  static String withSortedMaps(String raw) {
    Map<String, Object> service = Jv.map(Json.parse(raw));
    boolean changed = false;
    for (String specKey : List.of("Spec", "PreviousSpec")) {
      for (List<String> path : SORTED_MAPS) {
        List<String> full = new ArrayList<>();
        full.add(specKey);
        full.addAll(path);
        Object holder = Jv.get(service, full.subList(0, full.size() - 1).toArray(String[]::new));
        if (holder instanceof Map<?, ?> h && h.get(full.getLast()) instanceof Map<?, ?> m && !m.isEmpty()) {
          ((Map<String, Object>) h).put(full.getLast(), new TreeMap<>((Map<String, Object>) m));
          changed = true;
        }
      }
    }
    return changed ? Json.write(service) : raw;
  }
}
