package shoal.cli.commands.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shoal.cli.opts.KeyValues;

/** A service's environment: {@code -e} of create and {@code --env-add}/{@code --env-rm} of update. */
final class Env {
  private Env() {}

  /**
   * {@code current} with {@code removed} keys taken out, then each of {@code added} moved to the
   * end with its new value (docker's order for create; its update keeps no order at all).
   * {@code -e NAME} takes NAME's value from {@code localEnv} when it has one.
   */
  static List<String> merge(List<String> current, List<String> added, Map<String, String> localEnv, Set<String> removed) {
    List<String> out = new ArrayList<>();
    for (String e : current) {
      if (!removed.contains(key(e))) {
        out.add(e);
      }
    }
    for (String raw : added) {
      String e = KeyValues.env(raw, localEnv);
      String k = key(e);
      out.removeIf(x -> key(x).equals(k));
      out.add(e);
    }
    return out;
  }

  static List<String> merge(List<String> current, List<String> added, Map<String, String> localEnv) {
    return merge(current, added, localEnv, Set.of());
  }

  static String key(String env) {
    int eq = env.indexOf('=');
    return eq >= 0 ? env.substring(0, eq) : env;
  }
}
