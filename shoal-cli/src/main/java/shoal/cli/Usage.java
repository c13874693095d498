package shoal.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** docker's help layout: Usage, description, aliases, subcommands, options. */
final class Usage {
  private Usage() {}

  /** {@code shoal container ls}: the command as typed. */
  static String path(CommandSpec spec) {
    List<String> names = new ArrayList<>();
    for (CommandSpec s = spec; s != null; s = s.parent()) {
      names.addFirst(s.name());
    }
    return "shoal " + String.join(" ", names);
  }

  /** {@code Usage:  shoal stop [OPTIONS] CONTAINER [CONTAINER...]} */
  static String line(CommandSpec spec) {
    String[] syn = spec.usageMessage().customSynopsis();
    String args = syn.length > 0 ? " " + syn[0] : spec.subcommands().isEmpty() ? "" : " COMMAND";
    return "Usage:  " + path(spec) + args;
  }

  static String render(CommandSpec spec) {
    StringBuilder sb = new StringBuilder().append(line(spec)).append("\n\n");
    for (String d : spec.usageMessage().description()) {
      sb.append(d).append('\n');
    }
    List<String> aliases = CommandRegistry.aliasesOf(path(spec).substring("shoal ".length()));
    if (!aliases.isEmpty()) {
      sb.append("\nAliases:\n  ").append(String.join(", ", aliases)).append('\n');
    }
    if (!spec.subcommands().isEmpty()) {
      sb.append("\nCommands:\n");
      int w = 0;
      List<CommandSpec> subs = new ArrayList<>();
      for (var e : spec.subcommands().entrySet()) {
        CommandSpec s = e.getValue().getCommandSpec();
        if (e.getKey().equals(s.name()) && !subs.contains(s)) {
          subs.add(s);
          w = Math.max(w, s.name().length());
        }
      }
      for (CommandSpec s : subs) {
        String desc = s.usageMessage().description().length > 0 ? s.usageMessage().description()[0] : "";
        sb.append("  ").append(pad(s.name(), w + 2)).append(desc).append('\n');
      }
    }
    List<OptionSpec> options = new ArrayList<>(spec.options());
    options.removeIf(o -> o.hidden() || o.usageHelp());
    options.sort(java.util.Comparator.comparing(Usage::sortName)); // pflag lists flags by name
    List<String[]> rows = new ArrayList<>();
    for (OptionSpec o : options) {
      rows.add(new String[] {flagColumn(o), description(o)});
    }
    if (!rows.isEmpty()) {
      int w = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
      sb.append("\nOptions:\n");
      for (String[] r : rows) {
        sb.append(pad(r[0], w + 3)).append(r[1]).append('\n');
      }
    }
    if (!spec.subcommands().isEmpty()) {
      sb.append("\nRun '").append(path(spec)).append(" COMMAND --help' for more information on a command.\n");
    }
    // docker's help ends without a blank line; picocli adds none after the last section
    return sb.toString();
  }

  private static String sortName(OptionSpec o) {
    return o.longestName().replaceFirst("^-+", "");
  }

  private static String flagColumn(OptionSpec o) {
    String shortName = null;
    String longName = null;
    for (String n : o.names()) {
      if (n.startsWith("--")) {
        longName = longName == null ? n : longName;
      } else {
        shortName = n;
      }
    }
    String col = shortName != null ? "  " + shortName + (longName != null ? ", " + longName : "") : "      " + longName;
    String type = typeWord(o);
    return type.isEmpty() ? col : col + " " + type;
  }

  private static String typeWord(OptionSpec o) {
    if (o.paramLabel() != null && !o.paramLabel().startsWith("<")) {
      return o.paramLabel();
    }
    Class<?> t = o.type();
    if (t == boolean.class || t == Boolean.class) {
      return "";
    }
    if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
      return "int";
    }
    if (o.isMultiValue()) {
      return "list";
    }
    return "string";
  }

  private static String description(OptionSpec o) {
    String d = o.description().length > 0 ? o.description()[0] : "";
    String def = o.defaultValue();
    if (def != null && !def.isEmpty() && !def.equals("false") && !def.equals(CommandLine.Option.NULL_VALUE)) {
      d += o.type() == String.class ? " (default \"" + def + "\")" : " (default " + def + ")";
    }
    return d;
  }

  private static String pad(String s, int w) {
    return s.length() >= w ? s + " " : s + " ".repeat(w - s.length());
  }
}
