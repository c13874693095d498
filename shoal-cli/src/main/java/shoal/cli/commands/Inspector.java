package shoal.cli.commands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import shoal.cli.CliContext;
import shoal.cli.CliException;
import shoal.cli.api.ApiException;
import shoal.cli.api.HttpResponse;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.api.RequestBody;
import shoal.cli.format.template.Template;
import shoal.cli.format.template.TemplateException;
import shoal.cli.json.Json;
import shoal.cli.json.JsonIndent;

/**
 * {@code inspect} for every kind: the daemon's JSON of each object, as one indented array (as the
 * daemon wrote it, only re-indented), or a template per object. Objects not found are reported
 * after the others are printed.
 */
public final class Inspector {
  /** What can be inspected, in the order docker tries them for a bare name. */
  public enum Kind {
    CONTAINER("container", "/containers/%s/json"),
    IMAGE("image", "/images/%s/json"),
    NETWORK("network", "/networks/%s");

    final String word;
    final String path;

    Kind(String word, String path) {
      this.word = word;
      this.path = path;
    }

    public static Kind of(String word) {
      for (Kind k : values()) {
        if (k.word.equals(word)) {
          return k;
        }
      }
      throw new CliException("\"" + word + "\" is not a valid value for --type");
    }
  }

  private Inspector() {}

  /**
   * @param kinds one kind for {@code container inspect}; several for a bare {@code inspect}
   * @param size {@code -s}: sizes of containers; for networks, {@code -v} (verbose: Peers, Services)
   */
  public static int inspect(CliContext ctx, List<String> names, List<Kind> kinds, String format, boolean size) {
    Template template = null;
    if (format != null && !format.isEmpty() && !format.equals("json")) {
      try {
        template = Template.parse(format);
      } catch (TemplateException e) {
        throw new CliException("template parsing error: " + e.getMessage());
      }
    }
    List<String> raws = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    StringBuilder templated = new StringBuilder();
    for (String name : names) {
      String raw = null;
      ApiException notFound = null;
      for (Kind k : kinds) {
        Query q = k == Kind.CONTAINER ? Query.of().flag("size", size)
            : k == Kind.NETWORK && size ? Query.of().flag("verbose", true) : null;
        try (HttpResponse r = ctx.client().call("GET", String.format(k.path, Paths.seg(name)), q, RequestBody.NONE)) {
          raw = r.bodyText();
          break;
        } catch (ApiException e) {
          if (!e.isNotFound()) {
            throw e;
          }
          notFound = notFound == null ? e : notFound;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      if (raw == null) {
        errors.add(kinds.size() > 1 ? "Error: No such object: " + name : notFound.getMessage());
        continue;
      }
      if (template != null) {
        try {
          templated.append(template.execute(Json.parse(raw))).append('\n');
        } catch (TemplateException e) {
          throw new CliException("template parsing error: " + e.getMessage());
        }
      } else {
        raws.add(raw.strip());
      }
    }
    if (template != null) {
      ctx.io().out().print(templated);
    } else {
      ctx.io().out().println(raws.isEmpty() ? "[]" : JsonIndent.indent("[" + String.join(",", raws) + "]", "    "));
    }
    ctx.io().out().flush();
    if (!errors.isEmpty()) {
      throw new CliException(String.join("\n", errors));
    }
    return 0;
  }
}
