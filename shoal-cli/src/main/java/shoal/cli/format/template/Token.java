package shoal.cli.format.template;

/** A lexeme inside an action. {@code pos} is the byte offset in the template (for Go's error positions). */
record Token(Kind kind, String text, int pos, boolean spaceBefore) {
  enum Kind {
    FIELD, // .Name (text without the dot)
    DOT,
    VARIABLE, // $ or $name
    IDENT, // a function name
    KEYWORD, // if else end range with break continue define template block nil
    STRING, // value already unquoted
    NUMBER,
    BOOL,
    PIPE,
    LPAREN,
    RPAREN,
    DECLARE, // :=
    ASSIGN, // =
    COMMA,
    TEXT, // literal text between actions
    LEFT, // {{
    RIGHT // }}
  }

  boolean is(Kind k) {
    return kind == k;
  }

  boolean isKeyword(String word) {
    return kind == Kind.KEYWORD && text.equals(word);
  }
}
