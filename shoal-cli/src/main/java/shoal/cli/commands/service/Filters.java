package shoal.cli.commands.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import shoal.cli.json.Json;

/** Docker's {@code filters} query value, keys and values sorted as Go writes its maps. */
final class Filters {
  private final Map<String, Map<String, Boolean>> values = new TreeMap<>();

  /** From {@code -f key=value} flags. @throws IllegalArgumentException for a flag without {@code =} */
  static Filters of(List<String> raws) {
    Filters f = new Filters();
    for (String raw : raws) {
      int eq = raw.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("bad format of filter (expected name=value)");
      }
      f.add(raw.substring(0, eq).strip().toLowerCase(Locale.ROOT), raw.substring(eq + 1).strip());
    }
    return f;
  }

  Filters add(String key, String value) {
    values.computeIfAbsent(key, k -> new TreeMap<>()).put(value, true);
    return this;
  }

  boolean has(String key, String value) {
    return values.getOrDefault(key, Map.of()).containsKey(value);
  }

  void remove(String key, String value) {
    Map<String, Boolean> v = values.get(key);
    if (v != null) {
      v.remove(value);
      if (v.isEmpty()) {
        values.remove(key);
      }
    }
  }

  Filters copy() {
    Filters f = new Filters();
    values.forEach((k, v) -> f.values.put(k, new TreeMap<>(v)));
    return f;
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  /** The query value, or null when there is no filter. */
  String encode() {
    return values.isEmpty() ? null : Json.write(values);
  }
}
