package shoal.cli.opts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code -e}, {@code --env-file}, {@code -l} and {@code -o} values as docker reads them. */
public final class KeyValues {
  private KeyValues() {}

  /**
   * {@code -e VAR=value} as given; {@code -e VAR} takes VAR from the local environment when it is
   * set there (docker's ValidateEnv).
   */
  public static String env(String raw, Map<String, String> localEnv) {
    int eq = raw.indexOf('=');
    String key = eq >= 0 ? raw.substring(0, eq) : raw;
    if (key.isEmpty()) {
      throw new IllegalArgumentException("invalid environment variable: " + raw);
    }
    if (eq >= 0) {
      return raw;
    }
    String local = localEnv.get(key);
    return local != null ? key + "=" + local : raw;
  }

  /** Lines of an env file: blank lines and {@code #} comments skipped, each line as {@link #env}. */
  public static List<String> envFile(Path file, Map<String, String> localEnv) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String l = line.stripLeading();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      out.add(env(l, localEnv));
    }
    return out;
  }

  /** {@code key=value} pairs ({@code key} alone maps to ""), in the order given. */
  public static Map<String, String> map(List<String> raws) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String raw : raws) {
      int eq = raw.indexOf('=');
      m.put(eq >= 0 ? raw.substring(0, eq) : raw, eq >= 0 ? raw.substring(eq + 1) : "");
    }
    return m;
  }
}
