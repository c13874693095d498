package shoal.cli.json;

import java.util.List;
import java.util.Map;

/** Reading values out of parsed JSON by path, with defaults for what is absent or null. */
public final class Jv {
  private Jv() {}

  public static Object get(Object root, String... path) {
    Object v = root;
    for (String p : path) {
      if (!(v instanceof Map<?, ?> m)) {
        return null;
      }
      v = m.get(p);
    }
    return v;
  }

  public static String str(Object root, String... path) {
    Object v = get(root, path);
    return v == null ? "" : v.toString();
  }

  public static long lng(Object root, String... path) {
    Object v = get(root, path);
    return switch (v) {
      case JsonNumber n -> n.longValue();
      case Number n -> n.longValue();
      case null, default -> 0;
    };
  }

  public static boolean bool(Object root, String... path) {
    return get(root, path) instanceof Boolean b && b;
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Object root, String... path) {
    return get(root, path) instanceof List<?> l ? (List<Object>) l : List.of();
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object root, String... path) {
    return get(root, path) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
