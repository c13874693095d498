package shoal.cli.format.template;

import java.util.List;

/** The parse tree. {@code pos} is where the node starts in the template; {@code src} its text for errors. */
sealed interface Node {
  record Text(String text) implements Node {}

  record Action(Pipeline pipe) implements Node {}

  record If(Pipeline pipe, List<Node> then, List<Node> otherwise) implements Node {}

  record With(Pipeline pipe, List<Node> then, List<Node> otherwise) implements Node {}

  record Range(Pipeline pipe, List<Node> then, List<Node> otherwise) implements Node {}

  record Break() implements Node {}

  record Continue() implements Node {}

  /** {@code $a := cmd | cmd}; {@code assign} for {@code $a = ...}. */
  record Pipeline(int pos, String src, List<String> vars, boolean assign, List<Command> cmds) {}

  record Command(int pos, String src, List<Arg> args) {}

  /** An operand. */
  sealed interface Arg {
    int pos();

    String src();
  }

  record Field(int pos, String src, List<String> names) implements Arg {}

  record Dot(int pos, String src) implements Arg {}

  record Variable(int pos, String src, String name, List<String> fields) implements Arg {}

  record Function(int pos, String src, String name) implements Arg {}

  record Literal(int pos, String src, Object value) implements Arg {}

  record Nil(int pos, String src) implements Arg {}

  /** A parenthesised pipeline, possibly followed by fields: {@code (index .A 0).Name}. */
  record Chain(int pos, String src, Pipeline pipe, List<String> fields) implements Arg {}
}
