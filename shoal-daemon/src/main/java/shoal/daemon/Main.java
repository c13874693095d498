package shoal.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shoald}: the daemon every host runs. */
@Command(
    name = "shoald",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "The Shoal daemon: containers, networks and (later) the swarm, behind Docker's Engine API.")
public final class Main implements Callable<Integer> {
  @Option(names = "--data-root", description = "Root of persistent state (default: ${DEFAULT-VALUE}).", defaultValue = "/var/lib/shoal")
  Path dataRoot;

  @Option(names = "--exec-root", description = "Root of execution state (default: ${DEFAULT-VALUE}).", defaultValue = "/run/shoal")
  Path execRoot;

  @Option(names = {"-H", "--host"}, description = "Where the API listens: unix:///PATH or tcp://ADDR:PORT (repeatable; default: unix:///run/shoal.sock).")
  List<String> hosts;

  @Option(names = {"-l", "--log-level"}, description = "debug, info, warn or error (default: ${DEFAULT-VALUE}).", defaultValue = "info")
  String logLevel;

  @Option(names = "--cgroup-parent", description = "Parent cgroup of containers' cgroups (default: ${DEFAULT-VALUE}).", defaultValue = "/shoal")
  String cgroupParent;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    setLogLevel(logLevel);
    List<String> listen = hosts == null || hosts.isEmpty() ? List.of("unix:///run/shoal.sock") : hosts;
    DaemonConfig cfg = new DaemonConfig(dataRoot.toAbsolutePath(), execRoot.toAbsolutePath(), listen, logLevel, cgroupParent);
    Daemon daemon = Daemon.start(cfg);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  daemon.close();
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
    return 0;
  }

  private static void setLogLevel(String level) {
    Level l = Level.toLevel(level, null);
    if (l == null) {
      throw new CommandLine.ParameterException(
          new CommandLine(new Main()), "invalid --log-level " + level + ": use debug, info, warn or error");
    }
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ctx.getLogger("shoal").setLevel(l);
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"shoald " + Versions.SHOAL + " (Engine API " + Versions.API + ")"};
    }
  }
}
