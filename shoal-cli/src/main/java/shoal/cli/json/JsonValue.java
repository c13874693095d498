package shoal.cli.json;

/** An object that stands for a JSON value when written (template contexts for {@code {{json .}}}). */
public interface JsonValue {
  Object toJsonValue();
}
