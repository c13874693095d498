package shoal.cli.format;

import java.util.List;
import java.util.Map;
import shoal.cli.format.template.Template;
import shoal.cli.format.template.TemplateObject;

/**
 * The column titles of a table, looked up by field name ({@code ID} → {@code CONTAINER ID}), with
 * docker's {@code .Label "com.example.name"} → {@code name} for label columns.
 */
public record Header(Map<String, String> titles) implements TemplateObject {
  @Override
  public String typeName() {
    return "formatter.SubHeaderContext";
  }

  @Override
  public Object field(String name, List<Object> args) {
    if (name.equals("Label") && args.size() == 1 && args.getFirst() instanceof String label) {
      String[] parts = label.split("\\.");
      return parts[parts.length - 1].replace('-', ' ').replace('_', ' ');
    }
    String t = titles.get(name);
    return t != null ? t : Template.NO_VALUE;
  }
}
