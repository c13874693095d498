package shoal.cli.format.template;

import java.util.List;

/**
 * Go's text/template, the subset docker users write: fields and chains, variables, pipelines,
 * {@code if/else/with/range/break/continue}, Go's built-in functions and docker's
 * ({@code json join split title lower upper pad truncate}).
 *
 * <p>Values are JSON values (maps, lists, strings, numbers, booleans, null) or
 * {@link TemplateObject}s. Maps behave as Go maps: a missing key prints {@code <no value>}, a map
 * prints as {@code map[k:v]} with sorted keys.
 */
public final class Template {
  private final String src;
  private final List<Node> nodes;

  private Template(String src, List<Node> nodes) {
    this.src = src;
    this.nodes = nodes;
  }

  /** @throws TemplateException with Go's parse error words */
  public static Template parse(String src) {
    return new Template(src, Parser.parse(src, Funcs.NAMES));
  }

  /** What a missing map key yields: printed {@code <no value>}. */
  public static final Object NO_VALUE = NoValue.INSTANCE;

  /** @throws TemplateException with Go's execution error words */
  public String execute(Object data) {
    return execute(data, false);
  }

  /**
   * Renders a table's header from a header context: docker swaps the string functions for ones
   * that return their first argument, so {@code {{upper .Names}}} heads its column with NAMES.
   */
  public String executeHeader(Object header) {
    return execute(header, true);
  }

  private String execute(Object data, boolean header) {
    StringBuilder out = new StringBuilder();
    Exec e = new Exec(src, out, data, header);
    e.walk(data, nodes);
    return out.toString();
  }
}
