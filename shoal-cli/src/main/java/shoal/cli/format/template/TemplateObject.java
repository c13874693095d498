package shoal.cli.format.template;

import java.util.List;

/**
 * A value with named fields or methods, like docker's formatter contexts ({@code .ID},
 * {@code .Label "com.example"}). Unlike a map, an unknown name is an error, as in Go for structs.
 */
public interface TemplateObject {
  /** Go's type name in errors, e.g. {@code *formatter.ContainerContext}. */
  String typeName();

  /**
   * The value of a field or the result of a method.
   *
   * @return null for JSON null; {@link #UNKNOWN} when there is no such field or method
   */
  Object field(String name, List<Object> args);

  /** The answer of {@link #field} for a name the object does not have. */
  Object UNKNOWN = new Object() {
    @Override
    public String toString() {
      return "unknown field";
    }
  };
}
