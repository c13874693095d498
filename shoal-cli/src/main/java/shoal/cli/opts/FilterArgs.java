package shoal.cli.opts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shoal.cli.json.Json;

/** {@code --filter key=value}, sent as docker's {@code filters={"key":{"value":true}}}. */
public final class FilterArgs {
  private FilterArgs() {}

  /** The query value, or null without filters. */
  public static String encode(List<String> raws) {
    if (raws == null || raws.isEmpty()) {
      return null;
    }
    Map<String, Map<String, Boolean>> m = new LinkedHashMap<>();
    for (String raw : raws) {
      int eq = raw.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("bad format of filter (expected name=value)");
      }
      String key = raw.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
      m.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(raw.substring(eq + 1).strip(), true);
    }
    return Json.write(m);
  }
}
