package shoal.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an OS tool (ip, nft, runc, mount…) to completion within a time bound, capturing its output.
 * Every wrapper of a tool goes through here, so that none can hang the caller.
 */
public final class Commands {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private Commands() {}

  /** Runs and returns the result whatever the exit code; throws only if it could not run or timed out. */
  public static CommandResult run(List<String> argv) {
    return run(argv, null, Map.of(), DEFAULT_TIMEOUT);
  }

  public static CommandResult run(List<String> argv, byte[] stdin, Map<String, String> env, Duration timeout) {
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new CommandException("cannot run `" + String.join(" ", argv) + "`: " + e.getMessage(), e);
    }
    CompletableFuture<byte[]> out = drain(p.getInputStream());
    CompletableFuture<byte[]> err = drain(p.getErrorStream());
    try (OutputStream in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin);
      }
    } catch (IOException e) {
      // The tool exited before reading all of its input; its exit code tells why.
    }
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        throw new CommandException(
            "`" + String.join(" ", argv) + "` did not finish within " + timeout.toSeconds() + " s", null);
      }
      return new CommandResult(
          argv,
          p.exitValue(),
          new String(out.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8),
          new String(err.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new CommandException("interrupted while running `" + String.join(" ", argv) + "`", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new CommandException("cannot read output of `" + String.join(" ", argv) + "`", e);
    }
  }

  /** Runs and returns stdout; a non-zero exit is a {@link CommandException} carrying the tool's words. */
  public static String check(List<String> argv) {
    return check(argv, null);
  }

  public static String check(List<String> argv, byte[] stdin) {
    CommandResult r = run(argv, stdin, Map.of(), DEFAULT_TIMEOUT);
    if (!r.ok()) {
      throw new CommandException(r);
    }
    return r.stdout();
  }

  public static String check(String... argv) {
    return check(List.of(argv));
  }

  private static CompletableFuture<byte[]> drain(InputStream s) {
    CompletableFuture<byte[]> f = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try (s) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                s.transferTo(buf);
                f.complete(buf.toByteArray());
              } catch (IOException e) {
                f.completeExceptionally(new UncheckedIOException(e));
              }
            });
    return f;
  }
}
