package shoal.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A command's standard streams. Text is UTF-8 whatever the locale; container output passes
 * through as bytes. Tests give in-memory streams.
 *
 * @param stdinIsTerminal and {@code stdoutIsTerminal}: whether they are ttys (run -it, logs)
 */
public record Io(InputStream in, PrintStream out, PrintStream err, boolean stdinIsTerminal, boolean stdoutIsTerminal) {
  public static Io system() {
    return new Io(
        new FileInputStream(FileDescriptor.in),
        new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 16 * 1024), false, StandardCharsets.UTF_8),
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8),
        shoal.cli.term.Terminal.isTerminal(0),
        shoal.cli.term.Terminal.isTerminal(1));
  }
}
