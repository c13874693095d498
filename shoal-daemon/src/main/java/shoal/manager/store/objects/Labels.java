package shoal.manager.store.objects;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Immutable, sorted copies for record components, so equal objects print the same. */
final class Labels {
  private Labels() {}

  static Map<String, String> copy(Map<String, String> labels) {
    return labels == null || labels.isEmpty()
        ? Map.of()
        : Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }

  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
