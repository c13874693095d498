package shoal.cli.commands.service;

import java.io.OutputStream;
import java.io.PrintStream;
import shoal.cli.CliContext;
import shoal.cli.term.Terminal;

/** Where commands that change a service wait for it to converge (docker's WaitOnService). */
final class Progress {
  /** What docker assumes of a terminal whose size it cannot read. */
  private static final int DEFAULT_WIDTH = 200;

  private Progress() {}

  /** Shows convergence on stdout, or nothing with {@code quiet} (the wait is the same). */
  static void await(CliContext ctx, String service, boolean quiet) {
    ProgressOutput out;
    if (quiet) {
      out = new ProgressOutput(new PrintStream(OutputStream.nullOutputStream()), false, DEFAULT_WIDTH);
    } else {
      boolean terminal = ctx.io().stdoutIsTerminal();
      int width = terminal ? Terminal.size().map(s -> s[1]).orElse(DEFAULT_WIDTH) : DEFAULT_WIDTH;
      out = new ProgressOutput(ctx.io().out(), terminal, width);
    }
    new Convergence(ctx.client(), service, out).await();
  }
}
