package shoal.cli.format.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import shoal.cli.json.Json;
import shoal.cli.json.JsonNumber;

/** Go's built-in template functions and the ones docker adds (json, join, split, lower...). */
final class Funcs {
  interface Fn {
    Object apply(List<Object> args);
  }

  private static final Map<String, Fn> ALL = Map.ofEntries(
      Map.entry("and", Funcs::and),
      Map.entry("or", Funcs::or),
      Map.entry("not", a -> !GoValues.truth(one("not", a))),
      Map.entry("len", a -> (long) GoValues.length(one("len", a))),
      Map.entry("index", Funcs::index),
      Map.entry("slice", Funcs::slice),
      Map.entry("print", a -> sprint(a)),
      Map.entry("println", Funcs::sprintln),
      Map.entry("printf", Funcs::printf),
      Map.entry("eq", Funcs::eq),
      Map.entry("ne", a -> !Compare.equal(arity("ne", a, 2).get(0), a.get(1))),
      Map.entry("lt", a -> Compare.order("lt", arity("lt", a, 2).get(0), a.get(1)) < 0),
      Map.entry("le", a -> Compare.order("le", arity("le", a, 2).get(0), a.get(1)) <= 0),
      Map.entry("gt", a -> Compare.order("gt", arity("gt", a, 2).get(0), a.get(1)) > 0),
      Map.entry("ge", a -> Compare.order("ge", arity("ge", a, 2).get(0), a.get(1)) >= 0),
      // docker's additions (cli/templates)
      Map.entry("json", a -> {
        Object v = one("json", a);
        return Json.write(v instanceof NoValue ? null : v);
      }),
      Map.entry("split", a -> Arrays.asList((Object[]) str("split", arity("split", a, 2).get(0)).split(
          java.util.regex.Pattern.quote(str("split", a.get(1))), -1))),
      Map.entry("join", Funcs::join),
      Map.entry("title", a -> title(str("title", one("title", a)))),
      Map.entry("lower", a -> str("lower", one("lower", a)).toLowerCase(Locale.ROOT)),
      Map.entry("upper", a -> str("upper", one("upper", a)).toUpperCase(Locale.ROOT)),
      Map.entry("pad", Funcs::pad),
      Map.entry("truncate", Funcs::truncate));

  static final Set<String> NAMES = ALL.keySet();

  private Funcs() {}

  private static final Set<String> HEADER_PASS_THROUGH =
      Set.of("json", "split", "join", "title", "lower", "upper", "pad", "truncate");

  static Fn get(String name) {
    return ALL.get(name);
  }

  /** docker's HeaderFunctions: string functions return their first argument unchanged. */
  static Fn headerVariant(String name) {
    if (HEADER_PASS_THROUGH.contains(name)) {
      return a -> a.isEmpty() ? "" : a.getFirst();
    }
    return ALL.get(name);
  }

  private static Object and(List<Object> a) {
    atLeast("and", a, 1);
    for (Object v : a) {
      if (!GoValues.truth(v)) {
        return v;
      }
    }
    return a.getLast();
  }

  private static Object or(List<Object> a) {
    atLeast("or", a, 1);
    for (Object v : a) {
      if (GoValues.truth(v)) {
        return v;
      }
    }
    return a.getLast();
  }

  private static Object eq(List<Object> a) {
    atLeast("eq", a, 2);
    for (int i = 1; i < a.size(); i++) {
      if (Compare.equal(a.get(0), a.get(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code index m "key"} or {@code index list 0}. A missing key gives the map's zero value, which
   * for JSON objects (Go's {@code map[string]interface{}}) prints as {@code <no value>}.
   */
  private static Object index(List<Object> a) {
    atLeast("index", a, 1);
    Object item = a.get(0);
    for (int i = 1; i < a.size(); i++) {
      Object key = a.get(i);
      switch (item) {
        case List<?> l -> {
          int n = GoValues.integer(key);
          if (n < 0 || n >= l.size()) {
            throw new TemplateException("error calling index: index out of range: " + n);
          }
          item = l.get(n);
        }
        case String s -> {
          int n = GoValues.integer(key);
          byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
          if (n < 0 || n >= bytes.length) {
            throw new TemplateException("error calling index: index out of range: " + n);
          }
          item = JsonNumber.of(bytes[n] & 0xff);
        }
        case Map<?, ?> m -> {
          String k = key instanceof String s ? s : GoValues.print(key);
          item = m.containsKey(k) ? m.get(k) : null;
        }
        case null -> throw new TemplateException("error calling index: index of untyped nil");
        case NoValue nv -> throw new TemplateException("error calling index: index of untyped nil");
        default -> throw new TemplateException("error calling index: can't index item of type " + GoValues.typeName(item));
      }
    }
    return item;
  }

  private static Object slice(List<Object> a) {
    atLeast("slice", a, 1);
    Object item = a.get(0);
    int size = switch (item) {
      case String s -> s.length();
      case List<?> l -> l.size();
      default -> throw new TemplateException("error calling slice: can't slice item of type " + GoValues.typeName(item));
    };
    int from = a.size() > 1 ? GoValues.integer(a.get(1)) : 0;
    int to = a.size() > 2 ? GoValues.integer(a.get(2)) : size;
    if (from < 0 || to > size || from > to) {
      throw new TemplateException("error calling slice: index out of range: " + (to > size ? to : from));
    }
    return item instanceof String s ? s.substring(from, to) : new ArrayList<>(((List<?>) item).subList(from, to));
  }

  private static Object join(List<Object> a) {
    arity("join", a, 2);
    Object list = a.get(0);
    if (!(list instanceof List<?> l)) {
      throw new TemplateException("wrong type for value; expected []string; got " + GoValues.typeName(list));
    }
    List<String> parts = new ArrayList<>();
    for (Object o : l) {
      parts.add(GoValues.print(o));
    }
    return String.join(str("join", a.get(1)), parts);
  }

  private static Object pad(List<Object> a) {
    arity("pad", a, 3);
    String s = str("pad", a.get(0));
    if (s.isEmpty()) {
      return s;
    }
    return " ".repeat(GoValues.integer(a.get(1))) + s + " ".repeat(GoValues.integer(a.get(2)));
  }

  private static Object truncate(List<Object> a) {
    arity("truncate", a, 2);
    String s = str("truncate", a.get(0));
    int n = GoValues.integer(a.get(1));
    return s.length() < n ? s : s.substring(0, n);
  }

  /** strings.Title: upper-cases the first letter of every word (words split as Go's isSeparator does). */
  static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean prevSeparator = true;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      sb.appendCodePoint(prevSeparator ? Character.toTitleCase(cp) : cp);
      prevSeparator = isSeparator(cp);
      i += Character.charCount(cp);
    }
    return sb.toString();
  }

  private static boolean isSeparator(int cp) {
    if (cp <= 0x7f) {
      return !(Character.isLetterOrDigit(cp) || cp == '_');
    }
    if (Character.isLetterOrDigit(cp)) {
      return false;
    }
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  /** fmt.Sprint: a space between operands when neither side is a string. */
  static String sprint(List<Object> a) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < a.size(); i++) {
      Object v = a.get(i);
      if (i > 0 && !(v instanceof String) && !(a.get(i - 1) instanceof String)) {
        sb.append(' ');
      }
      sb.append(GoValues.print(v));
    }
    return sb.toString();
  }

  private static Object sprintln(List<Object> a) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < a.size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(GoValues.print(a.get(i)));
    }
    return sb.append('\n').toString();
  }

  private static Object printf(List<Object> a) {
    atLeast("printf", a, 1);
    return Printf.format(str("printf", a.get(0)), a.subList(1, a.size()));
  }

  private static String str(String fn, Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof NoValue) {
      throw new TemplateException("error calling " + fn + ": invalid value; expected string");
    }
    throw new TemplateException("wrong type for value; expected string; got " + GoValues.typeName(v));
  }

  private static Object one(String fn, List<Object> a) {
    return arity(fn, a, 1).get(0);
  }

  private static List<Object> arity(String fn, List<Object> a, int n) {
    if (a.size() != n) {
      throw new TemplateException("wrong number of args for " + fn + ": want " + n + " got " + a.size());
    }
    return a;
  }

  private static void atLeast(String fn, List<Object> a, int n) {
    if (a.size() < n) {
      throw new TemplateException("wrong number of args for " + fn + ": want at least " + n + " got " + a.size());
    }
  }
}
