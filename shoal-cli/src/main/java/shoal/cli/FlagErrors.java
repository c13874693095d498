package shoal.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * Command-line mistakes in docker's words: an unknown flag or bad flag value exits 125, a wrong
 * number of arguments exits 1.
 */
final class FlagErrors {
  private FlagErrors() {}

  static String describe(ParameterException ex) {
    CommandSpec spec = ex.getCommandLine().getCommandSpec();
    String path = Usage.path(spec);
    String usage = Usage.line(spec);
    if (isArgumentCount(ex)) {
      return "shoal: '" + path + "' " + countWords(spec, ex) + "\n\n" + usage
          + "\n\nRun '" + path + " --help' for more information\n";
    }
    return message(ex) + "\n\n" + usage + "\n\nRun '" + path + " --help' for more information\n";
  }

  static int exitCode(ParameterException ex) {
    return isArgumentCount(ex) ? 1 : 125;
  }

  private static boolean isArgumentCount(ParameterException ex) {
    if (ex instanceof CommandLine.MissingParameterException m) {
      return m.getMissing().stream().allMatch(a -> a instanceof PositionalParamSpec);
    }
    if (ex instanceof CommandLine.UnmatchedArgumentException u) {
      return u.getUnmatched().stream().noneMatch(a -> a.startsWith("-"));
    }
    return false;
  }

  private static String message(ParameterException ex) {
    if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String arg = u.getUnmatched().getFirst();
      if (arg.startsWith("--")) {
        return "unknown flag: " + arg.split("=", 2)[0];
      }
      if (arg.startsWith("-") && arg.length() > 1) {
        return "unknown shorthand flag: '" + arg.charAt(1) + "' in " + arg;
      }
    }
    if (ex.getCause() instanceof CommandLine.TypeConversionException t && ex.getArgSpec() instanceof OptionSpec o) {
      // pflag's words for a flag value its parser refused
      return "invalid argument \"" + ex.getValue() + "\" for \"" + flagNames(o) + "\" flag: " + t.getMessage();
    }
    String m = ex.getMessage();
    return m == null ? "invalid arguments" : m;
  }

  /** {@code -f, --filter}: the shorthand first, as pflag names a flag. */
  private static String flagNames(OptionSpec o) {
    String shortName = null;
    String longName = null;
    for (String n : o.names()) {
      if (n.startsWith("--")) {
        longName = longName == null ? n : longName;
      } else {
        shortName = n;
      }
    }
    return shortName == null ? longName : longName == null ? shortName : shortName + ", " + longName;
  }

  /** docker 28's {@code accepts no arguments}, {@code requires 1 argument}, {@code requires at least 1 argument}. */
  private static String countWords(CommandSpec spec, ParameterException ex) {
    int min = 0;
    int max = 0;
    for (PositionalParamSpec p : spec.positionalParameters()) {
      min += p.arity().min();
      max = p.arity().isVariable() || max == Integer.MAX_VALUE ? Integer.MAX_VALUE : max + p.arity().max();
    }
    if (max == 0) {
      return "accepts no arguments";
    }
    if (min == max) {
      return "requires " + plural(min);
    }
    if (ex instanceof CommandLine.UnmatchedArgumentException) {
      return "requires at most " + plural(max);
    }
    return "requires at least " + plural(min);
  }

  private static String plural(int n) {
    return n + (n == 1 ? " argument" : " arguments");
  }
}
