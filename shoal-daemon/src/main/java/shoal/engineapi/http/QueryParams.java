package shoal.engineapi.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import shoal.errors.InvalidArgumentException;

/** Query parameters with Docker's conventions: booleans as 1/true/0/false, ints, repeated keys. */
public final class QueryParams {
  private final Map<String, List<String>> params;

  public QueryParams(Map<String, List<String>> params) {
    this.params = Map.copyOf(params);
  }

  public Optional<String> get(String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  public String get(String name, String fallback) {
    return get(name).orElse(fallback);
  }

  public List<String> all(String name) {
    return params.getOrDefault(name, List.of());
  }

  public boolean has(String name) {
    return params.containsKey(name);
  }

  public boolean bool(String name, boolean fallback) {
    Optional<String> v = get(name);
    if (v.isEmpty()) {
      return fallback;
    }
    return switch (v.get().toLowerCase()) {
      case "1", "true", "yes" -> true;
      case "", "0", "false", "no" -> false;
      default ->
          throw new InvalidArgumentException(
              "invalid value for " + name + ": " + v.get() + " (expected a boolean)");
    };
  }

  public long integer(String name, long fallback) {
    Optional<String> v = get(name);
    if (v.isEmpty() || v.get().isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(v.get());
    } catch (NumberFormatException e) {
      throw new InvalidArgumentException(
          "invalid value for " + name + ": " + v.get() + " (expected an integer)");
    }
  }
}
