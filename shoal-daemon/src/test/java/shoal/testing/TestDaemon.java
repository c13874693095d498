package shoal.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import shoal.common.CommandResult;
import shoal.lab.DaemonHost;
import shoal.lab.junit.TestHosts;
import shoal.lab.VirtualHost;

/**
 * A shoald of this build (the test classpath) in a host of its own, for integration tests: own
 * network, mount, UTS and PID namespaces. {@link #docker} runs the stock docker CLI against it.
 *
 * <p>Hosts are named {@code sdt-<test JVM pid>-<n>} ({@link TestHosts}).
 */
public final class TestDaemon implements AutoCloseable {
  private static final Path STATE_ROOT = Path.of("/tmp/shoal-it");
  private static final String PREFIX = "sdt-";
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final DaemonHost node;

  private TestDaemon(DaemonHost node) {
    this.node = node;
  }

  /** Starts a daemon in a fresh host; {@code extraArgs} are appended to shoald's command line. */
  public static TestDaemon start(String... extraArgs) throws IOException {
    return new TestDaemon(TestHosts.start(PREFIX, STATE_ROOT, extraArgs));
  }

  /** shoald from the classes under test. */
  public static List<String> daemonCommand(String... extraArgs) {
    return TestHosts.daemonCommand(extraArgs);
  }

  public DaemonHost node() {
    return node;
  }

  public VirtualHost host() {
    return node.host();
  }

  public Path socket() {
    return node.socket();
  }

  public String log() {
    return node.log();
  }

  /** Starts shoald again on the same data root. */
  public void restart() throws IOException {
    node.start();
  }

  public void kill9() {
    node.kill9();
  }

  public void stop() {
    node.stop();
  }

  public CommandResult docker(String... args) {
    return node.docker(Duration.ofSeconds(60), args);
  }

  public CommandResult docker(Duration timeout, String... args) {
    return node.docker(timeout, args);
  }

  public CommandResult api(String method, String path, String... jsonBody) {
    return node.api(method, path, jsonBody);
  }

  /** Runs a command inside the daemon's host (its namespaces). */
  public CommandResult inHost(String... argv) {
    return node.host().exec(argv);
  }

  @Override
  public void close() {
    TestHosts.remove(node);
  }
}
