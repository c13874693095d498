package shoal.cli.format.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import shoal.cli.format.template.Token.Kind;
import shoal.cli.json.JsonNumber;

/** Builds the tree from tokens, with Go's structure rules and error words. */
final class Parser {
  private final String src;
  private final List<Token> tokens;
  private final Set<String> functions;
  private final List<List<String>> scopes = new ArrayList<>();
  private int i;
  private int rangeDepth;

  private Parser(String src, List<Token> tokens, Set<String> functions) {
    this.src = src;
    this.tokens = tokens;
    this.functions = functions;
  }

  static List<Node> parse(String src, Set<String> functions) {
    Parser p = new Parser(src, Lexer.lex(src), functions);
    p.scopes.add(new ArrayList<>(List.of("$")));
    List<Node> nodes = new ArrayList<>();
    String end = p.list(nodes);
    if (end != null) {
      throw p.error(p.tokens.get(p.i - 1).pos(), "unexpected {{" + end + "}}");
    }
    return nodes;
  }

  /** Parses nodes until {{end}} or {{else}} (returned) or the end of input (null). */
  private String list(List<Node> into) {
    while (i < tokens.size()) {
      Token t = tokens.get(i++);
      if (t.is(Kind.TEXT)) {
        into.add(new Node.Text(t.text()));
        continue;
      }
      // t is LEFT
      Token k = peek();
      if (k.isKeyword("end")) {
        i++;
        expectRight("end");
        return "end";
      }
      if (k.isKeyword("else")) {
        i++;
        return "else";
      }
      into.add(action());
    }
    return null;
  }

  private Node action() {
    Token k = peek();
    if (k.is(Kind.KEYWORD)) {
      switch (k.text()) {
        case "if" -> {
          i++;
          return control("if");
        }
        case "with" -> {
          i++;
          return control("with");
        }
        case "range" -> {
          i++;
          return control("range");
        }
        case "break", "continue" -> {
          i++;
          if (rangeDepth == 0) {
            throw error(k.pos(), "{{" + k.text() + "}} outside {{range}}");
          }
          expectRight(k.text());
          return k.text().equals("break") ? new Node.Break() : new Node.Continue();
        }
        case "define", "template", "block" -> throw error(k.pos(), "{{" + k.text() + "}} is not supported");
        default -> { } // nil: an operand
      }
    }
    Node.Pipeline pipe = pipeline("command", true);
    return new Node.Action(pipe);
  }

  private Node control(String kind) {
    scopes.add(new ArrayList<>());
    try {
      Node.Pipeline pipe = pipeline(kind, true);
      if (kind.equals("range")) {
        rangeDepth++;
      }
      List<Node> then = new ArrayList<>();
      String end = list(then);
      if (kind.equals("range")) {
        rangeDepth--;
      }
      List<Node> otherwise = List.of();
      if (end == null) {
        throw error(src.length(), "unexpected EOF");
      }
      if (end.equals("else")) {
        Token next = peek();
        if ((kind.equals("if") && next.isKeyword("if")) || (kind.equals("with") && next.isKeyword("with"))) {
          // {{else if ...}}: a nested control that shares our {{end}}
          i++;
          otherwise = List.of(control(kind));
        } else {
          expectRight("else");
          List<Node> o = new ArrayList<>();
          String end2 = list(o);
          if (!"end".equals(end2)) {
            throw error(src.length(), end2 == null ? "unexpected EOF" : "expected end; found {{else}}");
          }
          otherwise = o;
        }
      }
      return switch (kind) {
        case "if" -> new Node.If(pipe, then, otherwise);
        case "with" -> new Node.With(pipe, then, otherwise);
        default -> new Node.Range(pipe, then, otherwise);
      };
    } finally {
      scopes.removeLast();
    }
  }

  private Node.Pipeline pipeline(String context, boolean endsAction) {
    int start = peek().pos();
    List<String> vars = new ArrayList<>();
    boolean assign = false;
    // Declarations: $x := / $x = / $i, $e :=
    if (peek().is(Kind.VARIABLE)) {
      int save = i;
      Token v = tokens.get(i++);
      if (peek().is(Kind.DECLARE) || peek().is(Kind.ASSIGN)) {
        assign = peek().is(Kind.ASSIGN);
        i++;
        vars.add(v.text());
      } else if (peek().is(Kind.COMMA) && context.equals("range")) {
        i++;
        Token v2 = tokens.get(i++);
        if (!v2.is(Kind.VARIABLE) || !(peek().is(Kind.DECLARE) || peek().is(Kind.ASSIGN))) {
          throw error(v2.pos(), "range can only initialize variables");
        }
        assign = peek().is(Kind.ASSIGN);
        i++;
        vars.add(v.text());
        vars.add(v2.text());
      } else {
        i = save;
      }
      if (assign) {
        for (String name : vars) {
          lookupVariable(name, v.pos());
        }
      } else {
        scopes.getLast().addAll(vars);
      }
    }
    List<Node.Command> cmds = new ArrayList<>();
    while (true) {
      Token t = peek();
      if (t.is(Kind.RIGHT) && endsAction) {
        i++;
        break;
      }
      if (t.is(Kind.RPAREN) && !endsAction) {
        break;
      }
      if (t.is(Kind.RIGHT) || t.is(Kind.RPAREN)) {
        throw error(t.pos(), "unexpected " + describe(t) + " in " + context);
      }
      cmds.add(command());
      Token sep = peek();
      if (sep.is(Kind.PIPE)) {
        i++;
        if (peek().is(Kind.RIGHT) || peek().is(Kind.RPAREN)) {
          throw error(sep.pos(), "missing command");
        }
      }
    }
    if (cmds.isEmpty()) {
      throw error(start, "missing value for " + context);
    }
    int end = tokens.get(i - 1).pos();
    return new Node.Pipeline(start, src.substring(start, Math.max(start, end)).strip(), vars, assign, cmds);
  }

  private Node.Command command() {
    int start = peek().pos();
    List<Node.Arg> args = new ArrayList<>();
    while (true) {
      Token t = peek();
      if (t.is(Kind.PIPE) || t.is(Kind.RIGHT) || t.is(Kind.RPAREN)) {
        break;
      }
      if (!args.isEmpty() && !t.spaceBefore() && !t.is(Kind.LPAREN)) {
        throw error(t.pos(), "missing space?");
      }
      args.add(operand());
    }
    if (args.isEmpty()) {
      throw error(start, "empty command");
    }
    return new Node.Command(start, srcFrom(start), args);
  }

  private Node.Arg operand() {
    Token t = tokens.get(i++);
    int p = t.pos();
    Node.Arg term = switch (t.kind()) {
      case FIELD -> {
        List<String> names = new ArrayList<>(List.of(t.text()));
        int chainPos = chainPos(p);
        names.addAll(chainedFields());
        yield new Node.Field(chainPos, srcFrom(p), names);
      }
      case DOT -> {
        if (peek().is(Kind.FIELD) && !peek().spaceBefore()) {
          throw error(p, "unexpected . after term \".\"");
        }
        yield new Node.Dot(p, ".");
      }
      case VARIABLE -> {
        lookupVariable(t.text(), p);
        int chainPos = chainPos(p);
        List<String> fields = chainedFields();
        yield new Node.Variable(chainPos, srcFrom(p), t.text(), fields);
      }
      case IDENT -> {
        if (!functions.contains(t.text())) {
          throw error(p, "function \"" + t.text() + "\" not defined");
        }
        yield new Node.Function(p, t.text(), t.text());
      }
      case STRING -> new Node.Literal(p, srcFrom(p), t.text());
      case NUMBER -> new Node.Literal(p, t.text(), new JsonNumber(t.text()));
      case BOOL -> new Node.Literal(p, t.text(), Boolean.parseBoolean(t.text()));
      case KEYWORD -> {
        if (t.text().equals("nil")) {
          yield new Node.Nil(p, "nil");
        }
        throw error(p, "unexpected <" + t.text() + "> in operand");
      }
      case LPAREN -> {
        Node.Pipeline pipe = pipeline("parenthesized pipeline", false);
        Token close = tokens.get(i++);
        if (!close.is(Kind.RPAREN)) {
          throw error(close.pos(), "unclosed left paren");
        }
        int chainPos = chainPos(p);
        List<String> fields = chainedFields();
        yield new Node.Chain(chainPos, srcFrom(p), pipe, fields);
      }
      default -> throw error(p, "unexpected " + describe(t) + " in operand");
    };
    return term;
  }

  /** Go places a node with chained fields at its second part (errors say :1:7 for {{.Name.Foo}}). */
  private int chainPos(int termPos) {
    return peek().is(Kind.FIELD) && !peek().spaceBefore() ? peek().pos() : termPos;
  }

  private List<String> chainedFields() {
    List<String> fields = new ArrayList<>();
    while (peek().is(Kind.FIELD) && !peek().spaceBefore()) {
      fields.add(tokens.get(i++).text());
    }
    return fields;
  }

  /** The template text from {@code start} to the end of the last consumed token. */
  private String srcFrom(int start) {
    Token last = tokens.get(i - 1);
    int end = last.pos() + tokenLength(last);
    return src.substring(start, Math.min(end, src.length()));
  }

  private int tokenLength(Token t) {
    return switch (t.kind()) {
      case FIELD -> t.text().length() + 1;
      case RPAREN, DOT -> 1;
      case STRING -> {
        char q = src.charAt(t.pos());
        int close = q == '`' ? src.indexOf('`', t.pos() + 1) : closingQuote(t.pos());
        yield close - t.pos() + 1;
      }
      default -> t.text().length();
    };
  }

  private int closingQuote(int open) {
    int p = open + 1;
    while (p < src.length() && src.charAt(p) != '"') {
      p += src.charAt(p) == '\\' ? 2 : 1;
    }
    return p;
  }

  private void lookupVariable(String name, int pos) {
    for (List<String> scope : scopes) {
      if (scope.contains(name)) {
        return;
      }
    }
    throw error(pos, "undefined variable \"" + name + "\"");
  }

  private void expectRight(String context) {
    Token t = tokens.get(i++);
    if (!t.is(Kind.RIGHT)) {
      throw error(t.pos(), "unexpected " + describe(t) + " in " + context);
    }
  }

  private Token peek() {
    if (i >= tokens.size()) {
      throw error(src.length(), "unexpected EOF");
    }
    return tokens.get(i);
  }

  private static String describe(Token t) {
    return switch (t.kind()) {
      case RIGHT -> "\"}}\"";
      case RPAREN -> "\")\"";
      case STRING -> "quoted string";
      default -> "<" + t.text() + ">";
    };
  }

  private TemplateException error(int pos, String msg) {
    return new TemplateException("template: :" + Lexer.line(src, pos) + ": " + msg);
  }
}
