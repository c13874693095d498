package shoal.runtime.container;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import shoal.runtime.logs.OutputHub;

/**
 * One client attached to a container: the live output of its current (or next) run, and the way
 * to its stdin, which may only exist once the container starts ({@code docker run} attaches first).
 */
public final class Attachment implements AutoCloseable {
  private static final long AWAIT_START_SECONDS = 60;

  private final Container container;
  private final boolean tty;
  private final boolean stdin;
  private final OutputHub.Subscription output;

  Attachment(Container container, boolean tty, boolean stdin) {
    this.container = container;
    this.tty = tty;
    this.stdin = stdin;
    this.output = container.hub().subscribe();
  }

  public boolean tty() {
    return tty;
  }

  /** Whether what the client sends goes to the container. */
  public boolean hasStdin() {
    return stdin;
  }

  public ContainerRecord record() {
    return container.record();
  }

  public OutputHub.Subscription output() {
    return output;
  }

  /** Writes to the container's stdin, waiting for it to start if it has not yet. */
  public void writeStdin(byte[] b, int off, int len) throws IOException {
    if (!stdin) {
      return;
    }
    ContainerProcess p = awaitProcess();
    OutputStream in = p == null ? null : p.stdin();
    if (in != null) {
      in.write(b, off, len);
    }
  }

  /** The client's stdin ended: with StdinOnce the container's ends too (it reads EOF). */
  public void endStdin() {
    if (!stdin || !container.record().config().stdinOnce()) {
      return;
    }
    ContainerProcess p = awaitProcess();
    if (p != null) {
      p.closeStdin();
    }
  }

  private ContainerProcess awaitProcess() {
    try {
      return container.started().get(AWAIT_START_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public void close() {
    output.close();
    if (stdin && !container.record().config().stdinOnce()) {
      container.releaseStdinClaim();
    }
  }
}
