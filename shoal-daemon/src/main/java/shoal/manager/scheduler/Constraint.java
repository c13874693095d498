package shoal.manager.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import shoal.manager.store.objects.NodeObject;

/**
 * One placement constraint, {@code key==value} or {@code key!=value}, as Docker parses and matches
 * them: values compare case-insensitively, the keys {@code node.id}, {@code node.hostname}, {@code
 * node.role}, {@code node.platform.os}, {@code node.platform.arch}, {@code node.labels.KEY} and
 * {@code engine.labels.KEY} are known (their prefixes case-insensitively, label keys exactly); a
 * missing label compares as the empty string, and a node never meets a constraint on an unknown
 * key.
 */
public record Constraint(String key, boolean equal, String value) {
  private static final Pattern KEY = Pattern.compile("(?i)^[a-z_][a-z0-9\\-_.]+$");
  private static final Pattern VALUE =
      Pattern.compile("(?i)^[a-z0-9:\\-_\\s.*()?+\\[\\]\\\\^$|/]+$");
  private static final String NODE_LABELS = "node.labels.";
  private static final String ENGINE_LABELS = "engine.labels.";

  /**
   * Parses the constraints of a placement.
   *
   * @throws IllegalArgumentException with Docker's words ("constraint expected one operator from
   *     ==, !=", "key 'x y' is invalid", "value '' is invalid")
   */
  public static List<Constraint> parseAll(List<String> expressions) {
    List<Constraint> all = new ArrayList<>();
    for (String e : expressions) {
      all.add(parse(e));
    }
    return List.copyOf(all);
  }

  /** One expression; see {@link #parseAll}. */
  public static Constraint parse(String expression) {
    for (String op : List.of("==", "!=")) {
      int at = expression.indexOf(op);
      if (at < 0) {
        continue;
      }
      String key = expression.substring(0, at).strip();
      String value = expression.substring(at + op.length()).strip();
      if (!KEY.matcher(key).matches()) {
        throw new IllegalArgumentException("key '" + key + "' is invalid");
      }
      if (!VALUE.matcher(value).matches()) {
        throw new IllegalArgumentException("value '" + value + "' is invalid");
      }
      return new Constraint(key, op.equals("=="), value);
    }
    throw new IllegalArgumentException("constraint expected one operator from ==, !=");
  }

  /** Whether the node meets every constraint. */
  public static boolean allMatch(List<Constraint> constraints, NodeObject node) {
    return constraints.stream().allMatch(c -> c.matches(node));
  }

  /** Whether the node meets this constraint. */
  public boolean matches(NodeObject node) {
    String k = key.toLowerCase(Locale.ROOT);
    String actual;
    if (k.startsWith(NODE_LABELS) && k.length() > NODE_LABELS.length()) {
      actual = label(node.spec().labels(), key.substring(NODE_LABELS.length()));
    } else if (k.startsWith(ENGINE_LABELS) && k.length() > ENGINE_LABELS.length()) {
      // Nodes do not report engine labels yet (shoald has no daemon labels): every one is unset.
      actual = label(Map.of(), key.substring(ENGINE_LABELS.length()));
    } else {
      actual = switch (k) {
        case "node.id" -> node.id();
        case "node.hostname" -> node.description().hostname();
        case "node.role" -> node.role().name();
        case "node.platform.os" -> node.description().platform().os();
        case "node.platform.arch" -> node.description().platform().architecture();
        default -> null;
      };
      if (actual == null) {
        return false;
      }
    }
    return actual.equalsIgnoreCase(value) == equal;
  }

  private static String label(Map<String, String> labels, String name) {
    String v = labels.get(name);
    return v == null ? "" : v;
  }

  @Override
  public String toString() {
    return key + (equal ? "==" : "!=") + value;
  }
}
