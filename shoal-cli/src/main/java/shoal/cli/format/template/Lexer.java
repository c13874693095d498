package shoal.cli.format.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import shoal.cli.format.template.Token.Kind;

/** Splits a template into text and action tokens, as Go's text/template lexer does. */
final class Lexer {
  private static final Set<String> KEYWORDS =
      Set.of("if", "else", "end", "range", "with", "break", "continue", "define", "template", "block", "nil");

  private final String src;
  private final List<Token> out = new ArrayList<>();
  private int pos;

  private Lexer(String src) {
    this.src = src;
  }

  static List<Token> lex(String src) {
    Lexer l = new Lexer(src);
    l.run();
    return l.out;
  }

  private void run() {
    boolean trimNextText = false;
    while (pos < src.length()) {
      int open = src.indexOf("{{", pos);
      int textEnd = open < 0 ? src.length() : open;
      String text = src.substring(pos, textEnd);
      boolean trimLeft = open >= 0 && src.startsWith("{{-", open)
          && open + 3 < src.length() && isSpace(src.charAt(open + 3));
      if (trimNextText) {
        text = text.stripLeading();
      }
      if (trimLeft) {
        text = text.stripTrailing();
      }
      if (!text.isEmpty()) {
        out.add(new Token(Kind.TEXT, text, pos, false));
      }
      if (open < 0) {
        return;
      }
      pos = open + 2 + (trimLeft ? 2 : 0);
      trimNextText = lexAction(open);
    }
  }

  /** Lexes one action after its {{; returns whether it ended with a trim marker. */
  private boolean lexAction(int open) {
    if (src.startsWith("/*", pos)) {
      int close = src.indexOf("*/", pos);
      if (close < 0) {
        throw error(open, "unclosed comment");
      }
      pos = close + 2;
      if (src.startsWith(" -}}", pos)) {
        pos += 4;
        return true;
      }
      if (src.startsWith("}}", pos)) {
        pos += 2;
        return false;
      }
      throw error(open, "comment ends before closing delimiter");
    }
    out.add(new Token(Kind.LEFT, "{{", open, false));
    boolean space = false;
    while (true) {
      if (pos >= src.length()) {
        throw error(open, "unclosed action");
      }
      char c = src.charAt(pos);
      if (isSpace(c)) {
        if (src.startsWith("-}}", pos + 1)) {
          out.add(new Token(Kind.RIGHT, "}}", pos, true));
          pos += 4;
          return true;
        }
        pos++;
        space = true;
        continue;
      }
      if (src.startsWith("}}", pos)) {
        out.add(new Token(Kind.RIGHT, "}}", pos, space));
        pos += 2;
        return false;
      }
      int start = pos;
      Token t = next(c, start, space);
      out.add(t);
      space = false;
    }
  }

  private Token next(char c, int start, boolean space) {
    switch (c) {
      case '|' -> {
        pos++;
        return new Token(Kind.PIPE, "|", start, space);
      }
      case '(' -> {
        pos++;
        return new Token(Kind.LPAREN, "(", start, space);
      }
      case ')' -> {
        pos++;
        return new Token(Kind.RPAREN, ")", start, space);
      }
      case ',' -> {
        pos++;
        return new Token(Kind.COMMA, ",", start, space);
      }
      case '=' -> {
        pos++;
        return new Token(Kind.ASSIGN, "=", start, space);
      }
      case ':' -> {
        if (src.startsWith(":=", pos)) {
          pos += 2;
          return new Token(Kind.DECLARE, ":=", start, space);
        }
        throw error(start, "expected :=");
      }
      case '"' -> {
        return new Token(Kind.STRING, quoted(start), start, space);
      }
      case '`' -> {
        int close = src.indexOf('`', pos + 1);
        if (close < 0) {
          throw error(start, "unterminated raw quoted string");
        }
        pos = close + 1;
        return new Token(Kind.STRING, src.substring(start + 1, close), start, space);
      }
      case '\'' -> {
        return new Token(Kind.NUMBER, Integer.toString(charConstant(start)), start, space);
      }
      case '$' -> {
        pos++;
        while (pos < src.length() && isAlnum(src.charAt(pos))) {
          pos++;
        }
        return new Token(Kind.VARIABLE, src.substring(start, pos), start, space);
      }
      case '.' -> {
        if (pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
          return number(start, space);
        }
        pos++;
        if (pos < src.length() && isAlnum(src.charAt(pos))) {
          int s = pos;
          while (pos < src.length() && isAlnum(src.charAt(pos))) {
            pos++;
          }
          return new Token(Kind.FIELD, src.substring(s, pos), start, space);
        }
        return new Token(Kind.DOT, ".", start, space);
      }
      default -> {
        if (Character.isDigit(c) || ((c == '-' || c == '+') && pos + 1 < src.length()
            && (Character.isDigit(src.charAt(pos + 1)) || src.charAt(pos + 1) == '.'))) {
          return number(start, space);
        }
        if (isAlnum(c)) {
          while (pos < src.length() && isAlnum(src.charAt(pos))) {
            pos++;
          }
          String word = src.substring(start, pos);
          if (word.equals("true") || word.equals("false")) {
            return new Token(Kind.BOOL, word, start, space);
          }
          return new Token(KEYWORDS.contains(word) ? Kind.KEYWORD : Kind.IDENT, word, start, space);
        }
        throw error(start, "unexpected \"" + c + "\" in command");
      }
    }
  }

  private Token number(int start, boolean space) {
    int p = pos;
    if (src.charAt(p) == '+' || src.charAt(p) == '-') {
      p++;
    }
    if (src.startsWith("0x", p) || src.startsWith("0X", p)) {
      int s = p + 2;
      p = s;
      while (p < src.length() && Character.digit(src.charAt(p), 16) >= 0) {
        p++;
      }
      String sign = src.charAt(pos) == '-' ? "-" : "";
      String value = sign + new BigInteger(src.substring(s, p), 16);
      pos = p;
      return new Token(Kind.NUMBER, value, start, space);
    }
    while (p < src.length() && (Character.isDigit(src.charAt(p)) || src.charAt(p) == '.' || src.charAt(p) == '_')) {
      p++;
    }
    if (p < src.length() && (src.charAt(p) == 'e' || src.charAt(p) == 'E')) {
      p++;
      if (p < src.length() && (src.charAt(p) == '+' || src.charAt(p) == '-')) {
        p++;
      }
      while (p < src.length() && Character.isDigit(src.charAt(p))) {
        p++;
      }
    }
    if (p < src.length() && isAlnum(src.charAt(p))) {
      throw error(start, "bad number syntax: \"" + src.substring(start, p + 1) + "\"");
    }
    String text = src.substring(pos, p).replace("_", "");
    if (text.startsWith("+")) {
      text = text.substring(1);
    }
    pos = p;
    return new Token(Kind.NUMBER, text, start, space);
  }

  private String quoted(int start) {
    StringBuilder sb = new StringBuilder();
    int p = start + 1;
    while (true) {
      if (p >= src.length() || src.charAt(p) == '\n') {
        throw error(start, "unterminated quoted string");
      }
      char c = src.charAt(p);
      if (c == '"') {
        pos = p + 1;
        return sb.toString();
      }
      if (c == '\\') {
        p = escape(p, sb, start);
        continue;
      }
      sb.append(c);
      p++;
    }
  }

  private int charConstant(int start) {
    StringBuilder sb = new StringBuilder();
    int p = start + 1;
    if (p < src.length() && src.charAt(p) == '\\') {
      p = escape(p, sb, start);
    } else if (p < src.length()) {
      sb.appendCodePoint(src.codePointAt(p));
      p += Character.charCount(src.codePointAt(p));
    }
    if (p >= src.length() || src.charAt(p) != '\'' || sb.isEmpty()) {
      throw error(start, "unterminated character constant");
    }
    pos = p + 1;
    return sb.codePointAt(0);
  }

  /** Go's escapes: newline, tab, quotes, backslash, hex, unicode and octal forms. */
  private int escape(int p, StringBuilder sb, int start) {
    if (p + 1 >= src.length()) {
      throw error(start, "unterminated quoted string");
    }
    char e = src.charAt(p + 1);
    switch (e) {
      case 'n' -> sb.append('\n');
      case 't' -> sb.append('\t');
      case 'r' -> sb.append('\r');
      case 'a' -> sb.append('\u0007');
      case 'b' -> sb.append('\b');
      case 'f' -> sb.append('\f');
      case 'v' -> sb.append('\u000b');
      case '\\', '"', '\'' -> sb.append(e);
      case 'x' -> {
        sb.append((char) Integer.parseInt(src.substring(p + 2, p + 4), 16));
        return p + 4;
      }
      case 'u' -> {
        sb.appendCodePoint(Integer.parseInt(src.substring(p + 2, p + 6), 16));
        return p + 6;
      }
      case 'U' -> {
        sb.appendCodePoint(Integer.parseInt(src.substring(p + 2, p + 10), 16));
        return p + 10;
      }
      default -> {
        if (e >= '0' && e <= '7' && p + 4 <= src.length()) {
          sb.append((char) Integer.parseInt(src.substring(p + 1, p + 4), 8));
          return p + 4;
        }
        throw error(start, "invalid syntax");
      }
    }
    return p + 2;
  }

  private TemplateException error(int at, String msg) {
    return new TemplateException("template: :" + line(src, at) + ": " + msg);
  }

  static int line(String src, int pos) {
    int line = 1;
    for (int i = 0; i < pos && i < src.length(); i++) {
      if (src.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isAlnum(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }
}
