package shoal.cli.commands.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
import shoal.cli.api.RequestBody;
import shoal.cli.commands.ApiCommand;
import shoal.cli.format.template.Template;
import shoal.cli.format.template.TemplateException;
import shoal.cli.json.Json;
import shoal.cli.json.JsonIndent;
import shoal.cli.json.Jv;

/**
 * {@code node inspect}: JSON (an indented array), a template per node, or the pretty layout.
 * As in docker, JSON and templates print what was found and report the others after; pretty
 * prints nothing unless every node was found.
 */
@Command(name = "inspect", description = "Display detailed information on one or more nodes",
    customSynopsis = "[OPTIONS] self|NODE [NODE...]")
public final class NodeInspectCommand extends ApiCommand {
  @Option(names = {"-f", "--format"}, paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = "--pretty", description = "Print the information in a human friendly format")
  boolean pretty;

  @Parameters(arity = "1..*", paramLabel = "NODE")
  List<String> refs;

  public NodeInspectCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Integer call() {
    String f = pretty ? "pretty" : format == null ? "" : format;
    if (f.startsWith("pretty") && !f.equals("pretty")) {
      throw new CliException("cannot supply extra formatting options to the pretty template");
    }
    if (f.equals("pretty")) {
      StringBuilder text = new StringBuilder();
      for (String ref : refs) {
        text.append(NodePretty.render(Jv.map(Json.parse(raw(ref)))));
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
      } catch (ApiException | CliException e) {
        errors.add(e.getMessage());
      }
    }
    StringBuilder text = new StringBuilder();
    if (template != null) {
      for (String raw : found) {
        text.append(template.execute(Json.parse(raw))).append('\n');
      }
    } else {
      List<String> sorted = found.stream().map(NodeInspectCommand::withSortedLabels).toList();
      text.append(sorted.isEmpty() ? "[]" : JsonIndent.indent("[" + String.join(",", sorted) + "]", "    ")).append('\n');
    }
    out().print(text);
    out().flush();
    if (!errors.isEmpty()) {
      throw new CliException(String.join("\n", errors));
    }
    return 0;
  }

  private String raw(String ref) {
    String id = NodeRefs.resolve(api(), ref);
    try (HttpResponse r = api().call("GET", "/nodes/" + Paths.seg(id), null, RequestBody.NONE)) {
      return r.bodyText().strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The node with its label maps sorted by key, as docker prints them (it re-encodes the node,
   * and Go writes map keys in order); everything else as the daemon wrote it.
   */
  @SuppressWarnings("unchecked")
  static String withSortedLabels(String raw) {
    Map<String, Object> node = Jv.map(Json.parse(raw));
    boolean changed = false;
    for (Object holder : new Object[] {Jv.get(node, "Spec"), Jv.get(node, "Description", "Engine")}) {
      if (holder instanceof Map<?, ?> m && m.get("Labels") instanceof Map<?, ?> labels) {
        ((Map<String, Object>) m).put("Labels", new TreeMap<>((Map<String, Object>) labels));
        changed = true;
      }
    }
    return changed ? Json.write(node) : raw;
  }
}
