package shoal.cli.json;

/**
 * Re-indents JSON text the way Go's {@code json.Indent} does (what {@code docker inspect} prints):
 * string and number tokens are copied as written, whitespace between tokens is replaced, and empty
 * objects and arrays stay {@code {}} and {@code []}.
 */
public final class JsonIndent {
  private JsonIndent() {}

  public static String indent(String json, String indent) {
    StringBuilder out = new StringBuilder(json.length() * 2);
    int depth = 0;
    boolean needIndent = false; // an opening bracket was written and its first element not yet
    int n = json.length();
    for (int i = 0; i < n; i++) {
      char c = json.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        continue;
      }
      if (needIndent && c != ']' && c != '}') {
        needIndent = false;
        depth++;
        newline(out, indent, depth);
      }
      switch (c) {
        case '"' -> i = copyString(json, i, out);
        case '{', '[' -> {
          out.append(c);
          needIndent = true;
        }
        case ',' -> {
          out.append(c);
          newline(out, indent, depth);
        }
        case ':' -> out.append(": ");
        case '}', ']' -> {
          if (needIndent) {
            needIndent = false; // empty: "{}" or "[]"
          } else {
            depth--;
            newline(out, indent, depth);
          }
          out.append(c);
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static int copyString(String s, int start, StringBuilder out) {
    int i = start;
    out.append('"');
    i++;
    while (i < s.length()) {
      char c = s.charAt(i);
      out.append(c);
      if (c == '\\' && i + 1 < s.length()) {
        out.append(s.charAt(++i));
      } else if (c == '"') {
        return i;
      }
      i++;
    }
    return i;
  }

  private static void newline(StringBuilder out, String indent, int depth) {
    out.append('\n');
    out.append(indent.repeat(depth));
  }
}
