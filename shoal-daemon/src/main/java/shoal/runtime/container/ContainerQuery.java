package shoal.runtime.container;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /containers/json}: {@code all}, {@code limit} (the newest n, implies all), {@code size},
 * and the filters by key, each key's values being alternatives.
 */
public record ContainerQuery(boolean all, int limit, boolean size, Map<String, List<String>> filters) {
  public ContainerQuery {
    filters = Map.copyOf(filters);
  }

  public List<String> values(String key) {
    return filters.getOrDefault(key, List.of());
  }
}
