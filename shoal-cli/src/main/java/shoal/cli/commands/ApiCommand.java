package shoal.cli.commands;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import shoal.cli.CliContext;
import shoal.cli.api.EngineClient;

/**
 * A command that talks to the daemon. Subclasses declare their options with picocli annotations
 * and return the process's exit code.
 */
public abstract class ApiCommand implements Callable<Integer> {
  protected final CliContext ctx;

  @Option(names = "--help", usageHelp = true, description = "Print usage")
  boolean help;

  protected ApiCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  protected EngineClient api() {
    return ctx.client();
  }

  protected PrintStream out() {
    return ctx.io().out();
  }

  protected PrintStream err() {
    return ctx.io().err();
  }
}
