package shoal.cli.format.template;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shoal.cli.json.JsonNumber;

/** Go's view of our values: truth, printing with {@code %v}, numbers, type names in errors. */
final class GoValues {
  private GoValues() {}

  /** text/template's isTrue: false, 0, nil, empty string, slice or map are false. */
  static boolean truth(Object v) {
    return switch (v) {
      case null -> false;
      case NoValue nv -> false;
      case Boolean b -> b;
      case String s -> !s.isEmpty();
      case JsonNumber n -> n.decimal().signum() != 0;
      case Number n -> n.doubleValue() != 0;
      case List<?> l -> !l.isEmpty();
      case Map<?, ?> m -> !m.isEmpty();
      default -> true;
    };
  }

  /** fmt's {@code %v}, as text/template prints an action's value. */
  static String print(Object v) {
    StringBuilder sb = new StringBuilder();
    print(sb, v, true);
    return sb.toString();
  }

  private static void print(StringBuilder sb, Object v, boolean top) {
    switch (v) {
      case null -> sb.append("<nil>");
      case NoValue nv -> sb.append("<no value>");
      case String s -> sb.append(s);
      case Map<?, ?> m -> {
        sb.append("map[");
        boolean first = true;
        for (String k : sortedKeys(m)) {
          if (!first) {
            sb.append(' ');
          }
          first = false;
          sb.append(k).append(':');
          print(sb, m.get(k), false);
        }
        sb.append(']');
      }
      case List<?> l -> {
        sb.append('[');
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            sb.append(' ');
          }
          print(sb, l.get(i), false);
        }
        sb.append(']');
      }
      default -> sb.append(v);
    }
  }

  static List<String> sortedKeys(Map<?, ?> m) {
    List<String> keys = new ArrayList<>();
    for (Object k : m.keySet()) {
      keys.add(String.valueOf(k));
    }
    keys.sort(null);
    return keys;
  }

  static boolean isNumber(Object v) {
    return v instanceof JsonNumber || v instanceof Number;
  }

  static BigDecimal number(Object v) {
    return switch (v) {
      case JsonNumber n -> n.decimal();
      case BigDecimal d -> d;
      case Integer i -> BigDecimal.valueOf(i);
      case Long l -> BigDecimal.valueOf(l);
      case Number n -> BigDecimal.valueOf(n.doubleValue());
      default -> throw new TemplateException("expected a number; found " + typeName(v));
    };
  }

  /** An int argument (index, slice, pad, truncate). */
  static int integer(Object v) {
    if (!isNumber(v)) {
      throw new TemplateException("cannot index slice/array with type " + typeName(v));
    }
    return number(v).intValueExact();
  }

  /** Go's type names, for error messages. */
  static String typeName(Object v) {
    return switch (v) {
      case null -> "interface {}";
      case NoValue nv -> "<invalid reflect.Value>";
      case String s -> "string";
      case Boolean b -> "bool";
      case JsonNumber n -> n.isIntegral() ? "int" : "float64";
      case Number n -> "int";
      case Map<?, ?> m -> "map[string]interface {}";
      case List<?> l -> "[]interface {}";
      case TemplateObject o -> o.typeName();
      default -> v.getClass().getSimpleName();
    };
  }

  /** Go's len counts bytes of a string. */
  static int length(Object v) {
    return switch (v) {
      case String s -> s.getBytes(StandardCharsets.UTF_8).length;
      case List<?> l -> l.size();
      case Map<?, ?> m -> m.size();
      case null -> throw new TemplateException("len of nil pointer");
      default -> throw new TemplateException("len of type " + typeName(v));
    };
  }
}
