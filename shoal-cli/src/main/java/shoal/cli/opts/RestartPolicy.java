package shoal.cli.opts;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --restart no|always|on-failure[:N]|unless-stopped}; the daemon judges the name. */
public record RestartPolicy(String name, int maximumRetryCount) {
  public static RestartPolicy parse(String raw) {
    if (raw == null || raw.isEmpty()) {
      return new RestartPolicy("", 0);
    }
    int colon = raw.indexOf(':');
    String name = colon >= 0 ? raw.substring(0, colon) : raw;
    String count = colon >= 0 ? raw.substring(colon + 1) : "";
    if (colon >= 0 && name.isEmpty()) {
      throw new IllegalArgumentException("invalid restart policy format: no policy provided before colon");
    }
    int max = 0;
    if (!count.isEmpty()) {
      try {
        max = Integer.parseInt(count);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("invalid restart policy format: maximum retry count must be an integer");
      }
    }
    return new RestartPolicy(name, max);
  }

  public boolean isNone() {
    return name.isEmpty() || name.equals("no");
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Name", name);
    m.put("MaximumRetryCount", maximumRetryCount);
    return m;
  }
}
