package shoal.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
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
      return "shoal: '" + path + "' requires " + countWords(spec, ex) + "\n\n" + usage
          + "\n\nSee '" + path + " --help' for more information\n";
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
    String m = ex.getMessage();
    return m == null ? "invalid arguments" : m;
  }

  /** {@code exactly 1 argument}, {@code at least 1 argument}, {@code at most 2 arguments}. */
  private static String countWords(CommandSpec spec, ParameterException ex) {
    int min = 0;
    int max = 0;
    for (PositionalParamSpec p : spec.positionalParameters()) {
      min += p.arity().min();
      max = p.arity().isVariable() || max == Integer.MAX_VALUE ? Integer.MAX_VALUE : max + p.arity().max();
    }
    if (min == max) {
      return "exactly " + plural(min);
    }
    if (ex instanceof CommandLine.UnmatchedArgumentException) {
      return "at most " + plural(max);
    }
    return "at least " + plural(min);
  }

  private static String plural(int n) {
    return n + (n == 1 ? " argument" : " arguments");
  }
}
