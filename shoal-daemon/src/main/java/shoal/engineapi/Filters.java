package shoal.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shoal.errors.InvalidArgumentException;

/**
 * Docker's {@code filters} query parameter: JSON mapping a key to its accepted values, either
 * {@code {"name":{"web":true}}} (current clients) or {@code {"name":["web"]}} (old ones). Values of one
 * key are alternatives (or); different keys must all match (and).
 */
public final class Filters {
  private final Map<String, List<String>> values;

  private Filters(Map<String, List<String>> values) {
    this.values = values;
  }

  public static Filters none() {
    return new Filters(Map.of());
  }

  public static Filters parse(String raw, ObjectMapper json) {
    if (raw == null || raw.isBlank()) {
      return none();
    }
    JsonNode root;
    try {
      root = json.readTree(raw);
    } catch (Exception e) {
      throw new InvalidArgumentException("invalid filter: " + raw);
    }
    if (!root.isObject()) {
      throw new InvalidArgumentException("invalid filter: " + raw);
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    root.fields()
        .forEachRemaining(
            f -> {
              List<String> vs = new ArrayList<>();
              JsonNode v = f.getValue();
              if (v.isArray()) {
                v.forEach(x -> vs.add(x.asText()));
              } else if (v.isObject()) {
                v.fields().forEachRemaining(x -> {
                  if (x.getValue().asBoolean(true)) {
                    vs.add(x.getKey());
                  }
                });
              } else {
                vs.add(v.asText());
              }
              out.put(f.getKey(), List.copyOf(vs));
            });
    return new Filters(out);
  }

  /** Fails with Docker's message when a key is not one the endpoint knows. */
  public Filters accept(Set<String> known) {
    for (String k : values.keySet()) {
      if (!known.contains(k)) {
        throw new InvalidArgumentException("invalid filter '" + k + "'");
      }
    }
    return this;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public List<String> get(String key) {
    return values.getOrDefault(key, List.of());
  }

  /** True when the key is absent or one of its values equals {@code actual}. */
  public boolean matchesExact(String key, String actual) {
    List<String> vs = values.get(key);
    return vs == null || (actual != null && vs.contains(actual));
  }

  /** True when the key is absent or {@code test} accepts one of its values. */
  public boolean matchesAny(String key, java.util.function.Predicate<String> test) {
    List<String> vs = values.get(key);
    return vs == null || vs.stream().anyMatch(test);
  }

  /**
   * Docker's label filter: each value is {@code key} (label present) or {@code key=value}; every
   * value must match.
   */
  public boolean matchesLabels(Map<String, String> labels) {
    for (String want : get("label")) {
      int eq = want.indexOf('=');
      if (eq < 0) {
        if (!labels.containsKey(want)) {
          return false;
        }
      } else if (!want.substring(eq + 1).equals(labels.get(want.substring(0, eq)))) {
        return false;
      }
    }
    return true;
  }
}
