package shoal.cli.format.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shoal.cli.json.JsonNumber;

/** Walks the tree over a value, as Go's text/template state does. */
final class Exec {
  private static final RuntimeException BREAK = new ControlFlow();
  private static final RuntimeException CONTINUE = new ControlFlow();

  private final String src;
  private final StringBuilder out;
  private final List<String> varNames = new ArrayList<>();
  private final List<Object> varValues = new ArrayList<>();
  private int atPos;
  private String atSrc = "";

  private final boolean header;

  Exec(String src, StringBuilder out, Object root, boolean header) {
    this.src = src;
    this.out = out;
    this.header = header;
    push("$", root);
  }

  void walk(Object dot, List<Node> nodes) {
    for (Node n : nodes) {
      walk(dot, n);
    }
  }

  private void walk(Object dot, Node node) {
    switch (node) {
      case Node.Text t -> out.append(t.text());
      case Node.Action a -> {
        Object v = pipeline(dot, a.pipe());
        if (a.pipe().vars().isEmpty()) {
          out.append(GoValues.print(v));
        }
      }
      case Node.If n -> {
        int mark = varNames.size();
        boolean t = GoValues.truth(pipeline(dot, n.pipe()));
        walk(dot, t ? n.then() : n.otherwise());
        pop(mark);
      }
      case Node.With n -> {
        int mark = varNames.size();
        Object v = pipeline(dot, n.pipe());
        if (GoValues.truth(v)) {
          walk(v, n.then());
        } else {
          walk(dot, n.otherwise());
        }
        pop(mark);
      }
      case Node.Range n -> range(dot, n);
      case Node.Break b -> throw BREAK;
      case Node.Continue c -> throw CONTINUE;
    }
  }

  private void range(Object dot, Node.Range n) {
    int mark = varNames.size();
    Object v = pipelineValue(dot, n.pipe());
    List<Object[]> items = new ArrayList<>(); // {key, value}
    switch (v) {
      case null -> { } // docker's typed values: a nil slice or map ranges over nothing
      case NoValue nv -> { }
      case List<?> l -> {
        for (int i = 0; i < l.size(); i++) {
          items.add(new Object[] {JsonNumber.of(i), l.get(i)});
        }
      }
      case Map<?, ?> m -> {
        for (String k : GoValues.sortedKeys(m)) {
          items.add(new Object[] {k, m.get(k)});
        }
      }
      case JsonNumber num when num.isIntegral() -> {
        for (long i = 0; i < num.longValue(); i++) {
          items.add(new Object[] {JsonNumber.of(i), JsonNumber.of(i)});
        }
      }
      default -> throw fail("range can't iterate over " + GoValues.print(v));
    }
    List<String> vars = n.pipe().vars();
    for (Object[] kv : items) {
      int iterMark = varNames.size();
      if (vars.size() == 1) {
        setOrPush(vars.get(0), kv[1], n.pipe().assign());
      } else if (vars.size() == 2) {
        setOrPush(vars.get(0), kv[0], n.pipe().assign());
        setOrPush(vars.get(1), kv[1], n.pipe().assign());
      }
      try {
        walk(kv[1], n.then());
      } catch (ControlFlow cf) {
        if (cf == BREAK) {
          pop(iterMark);
          break;
        }
      }
      pop(iterMark);
    }
    if (items.isEmpty()) {
      walk(dot, n.otherwise());
    }
    pop(mark);
  }

  private Object pipeline(Object dot, Node.Pipeline p) {
    Object value = pipelineValue(dot, p);
    for (String v : p.vars()) {
      setOrPush(v, value, p.assign());
    }
    return value;
  }

  /** The pipeline's value without binding its variables (range binds them per element). */
  private Object pipelineValue(Object dot, Node.Pipeline p) {
    Object value = null;
    boolean hasFinal = false;
    for (Node.Command c : p.cmds()) {
      value = command(dot, c, hasFinal, value);
      hasFinal = true;
      if (value == null) {
        // Go digs into interface{} values after each command: a nil inside one becomes invalid.
        value = NoValue.INSTANCE;
      }
    }
    return value;
  }

  private Object command(Object dot, Node.Command c, boolean hasFinal, Object fin) {
    Node.Arg first = c.args().getFirst();
    List<Node.Arg> rest = c.args().subList(1, c.args().size());
    at(first);
    return switch (first) {
      case Node.Field f -> fieldChain(f, dot, dot, f.names(), rest, hasFinal, fin);
      case Node.Variable v -> {
        Object val = variable(v.name());
        if (v.fields().isEmpty()) {
          noArgs(rest, v.src(), hasFinal);
          yield val;
        }
        yield fieldChain(v, dot, val, v.fields(), rest, hasFinal, fin);
      }
      case Node.Chain ch -> {
        Object val = pipeline(dot, ch.pipe());
        if (ch.fields().isEmpty()) {
          noArgs(rest, ch.src(), hasFinal);
          yield val;
        }
        yield fieldChain(ch, dot, val, ch.fields(), rest, hasFinal, fin);
      }
      case Node.Function fn -> call(c, dot, fn, rest, hasFinal, fin);
      case Node.Dot d -> {
        noArgs(rest, ".", hasFinal);
        yield dot;
      }
      case Node.Literal l -> {
        noArgs(rest, l.src(), hasFinal);
        yield l.value();
      }
      case Node.Nil n -> throw fail("nil is not a command");
    };
  }

  private void noArgs(List<Node.Arg> rest, String what, boolean hasFinal) {
    if (!rest.isEmpty() || hasFinal) {
      throw fail("can't give argument to non-function " + what);
    }
  }

  private Object call(Node.Command command, Object dot, Node.Function fn, List<Node.Arg> argNodes, boolean hasFinal, Object fin) {
    List<Object> args = new ArrayList<>();
    for (Node.Arg a : argNodes) {
      args.add(arg(dot, a));
    }
    if (hasFinal) {
      args.add(fin);
    }
    at(command);
    Funcs.Fn f = header ? Funcs.headerVariant(fn.name()) : Funcs.get(fn.name());
    try {
      return f.apply(args);
    } catch (TemplateException e) {
      if (e.getMessage().startsWith("template:")) {
        throw e;
      }
      String m = e.getMessage();
      throw fail(m.startsWith("error calling") || m.startsWith("wrong") ? m : "error calling " + fn.name() + ": " + m);
    }
  }

  private Object arg(Object dot, Node.Arg a) {
    at(a);
    return switch (a) {
      case Node.Field f -> fieldChain(f, dot, dot, f.names(), List.of(), false, null);
      case Node.Variable v -> v.fields().isEmpty() ? variable(v.name()) : fieldChain(v, dot, variable(v.name()), v.fields(), List.of(), false, null);
      case Node.Chain ch -> {
        Object val = pipeline(dot, ch.pipe());
        yield ch.fields().isEmpty() ? val : fieldChain(ch, dot, val, ch.fields(), List.of(), false, null);
      }
      case Node.Function fn -> call(new Node.Command(fn.pos(), fn.src(), List.of(fn)), dot, fn, List.of(), false, null);
      case Node.Dot d -> dot;
      case Node.Literal l -> l.value();
      case Node.Nil n -> null;
    };
  }

  private Object fieldChain(
      Node.Arg node, Object dot, Object receiver, List<String> names, List<Node.Arg> argNodes, boolean hasFinal, Object fin) {
    Object v = receiver;
    for (int i = 0; i < names.size(); i++) {
      boolean last = i == names.size() - 1;
      List<Object> args = new ArrayList<>();
      if (last) {
        if (v instanceof Map<?, ?> && (!argNodes.isEmpty() || hasFinal)) {
          at(node);
          throw fail(names.get(i) + " is not a method but has arguments");
        }
        for (Node.Arg a : argNodes) {
          args.add(arg(dot, a));
        }
        if (hasFinal) {
          args.add(fin);
        }
      }
      at(node);
      v = field(v, names.get(i), args);
    }
    return v;
  }

  private Object field(Object receiver, String name, List<Object> args) {
    switch (receiver) {
      case NoValue nv -> {
        return NoValue.INSTANCE;
      }
      case null -> throw fail("nil pointer evaluating interface {}." + name);
      case Map<?, ?> m -> {
        if (!args.isEmpty()) {
          throw fail(name + " is not a method but has arguments");
        }
        return m.containsKey(name) ? m.get(name) : NoValue.INSTANCE;
      }
      case TemplateObject o -> {
        Object v;
        try {
          v = o.field(name, args);
        } catch (TemplateException e) {
          throw fail(e.getMessage());
        }
        if (v == TemplateObject.UNKNOWN) {
          throw fail("can't evaluate field " + name + " in type " + o.typeName());
        }
        return v;
      }
      default -> throw fail("can't evaluate field " + name + " in type " + GoValues.typeName(receiver));
    }
  }

  private Object variable(String name) {
    for (int i = varNames.size() - 1; i >= 0; i--) {
      if (varNames.get(i).equals(name)) {
        return varValues.get(i);
      }
    }
    throw fail("undefined variable: " + name);
  }

  private void setOrPush(String name, Object value, boolean assign) {
    if (assign) {
      for (int i = varNames.size() - 1; i >= 0; i--) {
        if (varNames.get(i).equals(name)) {
          varValues.set(i, value);
          return;
        }
      }
    }
    push(name, value);
  }

  private void push(String name, Object value) {
    varNames.add(name);
    varValues.add(value);
  }

  private void pop(int mark) {
    while (varNames.size() > mark) {
      varNames.removeLast();
      varValues.removeLast();
    }
  }

  private void at(Node.Arg a) {
    atPos = a.pos();
    atSrc = a.src();
  }

  private void at(Node.Command c) {
    atPos = c.pos();
    atSrc = c.src();
  }

  /** Go's execution error: {@code template: :LINE:COL: executing "" at <NODE>: MSG}. */
  private TemplateException fail(String msg) {
    int line = Lexer.line(src, atPos);
    int lineStart = src.lastIndexOf('\n', atPos - 1) + 1;
    int col = atPos - lineStart;
    return new TemplateException("template: :" + line + ":" + col + ": executing \"\" at <" + atSrc + ">: " + msg);
  }

  private static final class ControlFlow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ControlFlow() {
      super(null, null, false, false);
    }
  }
}
