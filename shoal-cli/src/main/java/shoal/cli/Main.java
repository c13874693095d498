package shoal.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import shoal.cli.api.ApiException;
import shoal.cli.api.DaemonUnreachableException;
import shoal.cli.format.template.TemplateException;

/**
 * {@code shoal}: global flags ({@code -H}, {@code -D}, {@code -v}), then one command from
 * {@link CommandRegistry}. Only the chosen command is built, so start-up does not pay for the
 * others' annotations.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Io io = Io.system();
    int code = run(args, io, System.getenv());
    io.out().flush();
    io.err().flush();
    System.exit(code);
  }

  /** Runs one command line; returns the exit code. Output goes to {@code io}. */
  public static int run(String[] args, Io io, Map<String, String> env) {
    String host = null;
    boolean debug = false;
    int i = 0;
    for (; i < args.length && args[i].startsWith("-"); i++) {
      String a = args[i];
      if (a.equals("-H") || a.equals("--host") || a.equals("-l") || a.equals("--log-level")) {
        if (i + 1 >= args.length) {
          return flagError(io, "flag needs an argument: " + a);
        }
        String v = args[++i];
        host = a.equals("-H") || a.equals("--host") ? v : host;
      } else if (a.startsWith("--host=") || a.startsWith("-H=")) {
        host = a.substring(a.indexOf('=') + 1);
      } else if (a.startsWith("-H")) {
        host = a.substring(2);
      } else if (a.startsWith("--log-level=")) {
        continue;
      } else if (a.equals("-D") || a.equals("--debug")) {
        debug = true;
      } else if (a.equals("-v") || a.equals("--version")) {
        io.out().println("Shoal version " + CliContext.VERSION);
        return 0;
      } else if (a.equals("--help") || a.equals("-h")) {
        io.out().print(CommandRegistry.usage());
        return 0;
      } else {
        return flagError(io, "unknown flag: " + a);
      }
    }
    if (i == args.length) {
      io.out().print(CommandRegistry.usage());
      return 0;
    }
    Optional<CommandRegistry.Entry> entry = CommandRegistry.find(args[i]);
    if (entry.isEmpty()) {
      io.err().println("shoal: unknown command: shoal " + args[i] + "\n\nRun 'shoal --help' for more information");
      return 1;
    }
    CliContext ctx = new CliContext(io, env, host, debug);
    CommandLine cl = entry.get().factory().apply(ctx);
    cl.getCommandSpec().name(args[i]);
    configure(cl, io, debug);
    return cl.execute(Arrays.copyOfRange(args, i + 1, args.length));
  }

  private static int flagError(Io io, String msg) {
    io.err().println(msg + "\nSee 'shoal --help'.");
    return 125;
  }

  private static void configure(CommandLine cl, Io io, boolean debug) {
    cl.setOut(new PrintWriter(io.out(), true));
    cl.setErr(new PrintWriter(io.err(), true));
    cl.setOverwrittenOptionsAllowed(true);
    cl.setStopAtPositional(cl.getCommand() instanceof StopsAtFirstArgument);
    cl.setHelpSectionKeys(List.of("docker"));
    cl.getHelpSectionMap().put("docker", help -> Usage.render(help.commandSpec()));
    cl.setParameterExceptionHandler((ex, args) -> {
      io.err().print(FlagErrors.describe(ex));
      return FlagErrors.exitCode(ex);
    });
    cl.setExecutionExceptionHandler((ex, line, parsed) -> report(ex, io, debug));
    for (CommandLine sub : cl.getSubcommands().values()) {
      configure(sub, io, debug);
    }
  }

  private static int report(Exception ex, Io io, boolean debug) {
    if (debug) {
      ex.printStackTrace(io.err());
    }
    return switch (ex) {
      case CliException c -> {
        if (!c.getMessage().isEmpty()) {
          io.err().println(c.getMessage());
        }
        yield c.exitCode();
      }
      case ApiException a -> {
        io.err().println(a.getMessage());
        yield 1;
      }
      case DaemonUnreachableException d -> {
        io.err().println(d.getMessage());
        yield 1;
      }
      case TemplateException t -> {
        io.err().println(t.getMessage());
        yield 1;
      }
      case UncheckedIOException u -> {
        io.err().println("error: " + u.getCause().getMessage());
        yield 1;
      }
      default -> {
        io.err().println("error: " + ex);
        yield 1;
      }
    };
  }

  static String commandPath(CommandSpec spec) {
    return Usage.path(spec);
  }
}
