package shoal.cli.commands.service;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import shoal.cli.commands.swarm.GoDuration;
import shoal.cli.commands.swarm.GoInts;
import shoal.cli.json.JsonNumber;

/**
 * The flags {@code service create} and {@code service update} share. Each value is null unless the
 * flag was given: as with pflag's "changed", only given flags touch the spec.
 */
public final class ServiceFlags {
  static final long DEFAULT_RESTART_DELAY_NS = 5_000_000_000L;
  static final long DEFAULT_MONITOR_NS = 5_000_000_000L;

  @Option(names = {"-d", "--detach"}, description = "Exit immediately instead of waiting for the service to converge")
  boolean detach;

  @Option(names = {"-q", "--quiet"}, description = "Suppress progress output")
  boolean quiet;

  @Option(names = {"-w", "--workdir"}, paramLabel = "string", description = "Working directory inside the container")
  String workdir;

  @Option(names = {"-u", "--user"}, paramLabel = "string", description = "Username or UID (format: <name|uid>[:<group|gid>])")
  String user;

  @Option(names = "--hostname", paramLabel = "string", description = "Container hostname")
  String hostname;

  @Option(names = "--entrypoint", paramLabel = "command", description = "Overwrite the default ENTRYPOINT of the image")
  String entrypoint;

  @Option(names = {"-t", "--tty"}, arity = "0..1", fallbackValue = "true", description = "Allocate a pseudo-TTY")
  Boolean tty;

  @Option(names = "--init", arity = "0..1", fallbackValue = "true",
      description = "Use an init inside each service container to forward signals and reap processes")
  Boolean init;

  @Option(names = "--read-only", arity = "0..1", fallbackValue = "true", description = "Mount the container's root filesystem as read only")
  Boolean readOnly;

  @Option(names = "--stop-grace-period", paramLabel = "duration", converter = GoDuration.Converter.class,
      description = "Time to wait before force killing a container (ns|us|ms|s|m|h) (default 10s)")
  Duration stopGracePeriod;

  @Option(names = "--stop-signal", paramLabel = "string", description = "Signal to stop the container")
  String stopSignal;

  @Option(names = "--replicas", paramLabel = "uint", converter = GoInts.Uint64.class, description = "Number of tasks")
  Long replicas;

  @Option(names = "--restart-condition", paramLabel = "string",
      description = "Restart when condition is met (\"none\", \"on-failure\", \"any\") (default \"any\")")
  String restartCondition;

  @Option(names = "--restart-delay", paramLabel = "duration", converter = GoDuration.Converter.class,
      description = "Delay between restart attempts (ns|us|ms|s|m|h) (default 5s)")
  Duration restartDelay;

  @Option(names = "--restart-max-attempts", paramLabel = "uint", converter = GoInts.Uint64.class,
      description = "Maximum number of restarts before giving up")
  Long restartMaxAttempts;

  @Option(names = "--restart-window", paramLabel = "duration", converter = GoDuration.Converter.class,
      description = "Window used to evaluate the restart policy (ns|us|ms|s|m|h)")
  Duration restartWindow;

  @Option(names = "--update-parallelism", paramLabel = "uint", converter = GoInts.Uint64.class,
      description = "Maximum number of tasks updated simultaneously (0 to update all at once) (default 1)")
  Long updateParallelism;

  @Option(names = "--update-delay", paramLabel = "duration", converter = GoDuration.Converter.class,
      description = "Delay between updates (ns|us|ms|s|m|h) (default 0s)")
  Duration updateDelay;

  @Option(names = "--update-monitor", paramLabel = "duration", converter = GoDuration.Converter.class,
      description = "Duration after each task update to monitor for failure (ns|us|ms|s|m|h) (default 5s)")
  Duration updateMonitor;

  @Option(names = "--update-failure-action", paramLabel = "string",
      description = "Action on update failure (\"pause\", \"continue\", \"rollback\") (default \"pause\")")
  String updateFailureAction;

  @Option(names = "--update-max-failure-ratio", paramLabel = "float", converter = GoFloat32.class,
      description = "Failure rate to tolerate during an update (default 0)")
  JsonNumber updateMaxFailureRatio;

  @Option(names = "--update-order", paramLabel = "string", description = "Update order (\"start-first\", \"stop-first\") (default \"stop-first\")")
  String updateOrder;

  @Option(names = "--rollback-parallelism", paramLabel = "uint", converter = GoInts.Uint64.class,
      description = "Maximum number of tasks rolled back simultaneously (0 to roll back all at once) (default 1)")
  Long rollbackParallelism;

  @Option(names = "--rollback-delay", paramLabel = "duration", converter = GoDuration.Converter.class,
      description = "Delay between task rollbacks (ns|us|ms|s|m|h) (default 0s)")
  Duration rollbackDelay;

  @Option(names = "--rollback-monitor", paramLabel = "duration", converter = GoDuration.Converter.class,
      description = "Duration after each task rollback to monitor for failure (ns|us|ms|s|m|h) (default 5s)")
  Duration rollbackMonitor;

  @Option(names = "--rollback-failure-action", paramLabel = "string",
      description = "Action on rollback failure (\"pause\", \"continue\") (default \"pause\")")
  String rollbackFailureAction;

  @Option(names = "--rollback-max-failure-ratio", paramLabel = "float", converter = GoFloat32.class,
      description = "Failure rate to tolerate during a rollback (default 0)")
  JsonNumber rollbackMaxFailureRatio;

  @Option(names = "--rollback-order", paramLabel = "string", description = "Rollback order (\"start-first\", \"stop-first\") (default \"stop-first\")")
  String rollbackOrder;

  @Option(names = "--endpoint-mode", paramLabel = "string", description = "Endpoint mode (vip or dnsrr) (default \"vip\")")
  String endpointMode;

  @Option(names = "--with-registry-auth", description = "Send registry authentication details to swarm agents")
  boolean withRegistryAuth;

  @Option(names = "--no-resolve-image", description = "Do not query the registry to resolve image digest and supported platforms")
  boolean noResolveImage;

  boolean anyRestartFlag() {
    return restartCondition != null || restartDelay != null || restartMaxAttempts != null || restartWindow != null;
  }

  boolean anyUpdateFlag() {
    return updateParallelism != null || updateDelay != null || updateMonitor != null || updateFailureAction != null
        || updateMaxFailureRatio != null || updateOrder != null;
  }

  boolean anyRollbackFlag() {
    return rollbackParallelism != null || rollbackDelay != null || rollbackMonitor != null || rollbackFailureAction != null
        || rollbackMaxFailureRatio != null || rollbackOrder != null;
  }

  /** Writes the given restart flags over {@code policy} (swarmkit's defaults when the service had none). */
  void applyRestart(Map<String, Object> policy) {
    if (restartCondition != null) {
      policy.put("Condition", restartCondition);
    }
    if (restartDelay != null) {
      policy.put("Delay", restartDelay.toNanos());
    }
    if (restartMaxAttempts != null) {
      policy.put("MaxAttempts", restartMaxAttempts);
    }
    if (restartWindow != null) {
      policy.put("Window", restartWindow.toNanos());
    }
  }

  static Map<String, Object> defaultRestartPolicy() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Condition", "any");
    p.put("Delay", DEFAULT_RESTART_DELAY_NS);
    p.put("MaxAttempts", 0L);
    return p;
  }

  /** swarmkit's default UpdateConfig (and RollbackConfig): one at a time, pause on failure, 5 s monitor. */
  static Map<String, Object> defaultUpdateConfig() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("Parallelism", 1L);
    c.put("FailureAction", "pause");
    c.put("Monitor", DEFAULT_MONITOR_NS);
    c.put("MaxFailureRatio", 0L);
    c.put("Order", "stop-first");
    return c;
  }

  void applyUpdate(Map<String, Object> config) {
    apply(config, updateParallelism, updateDelay, updateMonitor, updateFailureAction, updateMaxFailureRatio, updateOrder);
  }

  void applyRollback(Map<String, Object> config) {
    apply(config, rollbackParallelism, rollbackDelay, rollbackMonitor, rollbackFailureAction, rollbackMaxFailureRatio, rollbackOrder);
  }

  /** Sets the given values, keeping Go's field order (Delay and Monitor are left out when zero). */
  private static void apply(Map<String, Object> config, Long parallelism, Duration delay, Duration monitor, String failureAction,
      JsonNumber maxFailureRatio, String order) {
    Map<String, Object> merged = new LinkedHashMap<>();
    merged.put("Parallelism", parallelism != null ? parallelism : config.getOrDefault("Parallelism", 0L));
    Object d = delay != null ? (Object) delay.toNanos() : config.get("Delay");
    putNonZero(merged, "Delay", d);
    Object fa = failureAction != null ? failureAction : config.get("FailureAction");
    if (fa != null && !fa.toString().isEmpty()) {
      merged.put("FailureAction", fa);
    }
    putNonZero(merged, "Monitor", monitor != null ? (Object) monitor.toNanos() : config.get("Monitor"));
    merged.put("MaxFailureRatio", maxFailureRatio != null ? maxFailureRatio : config.getOrDefault("MaxFailureRatio", 0L));
    Object o = order != null ? order : config.get("Order");
    if (o != null && !o.toString().isEmpty()) {
      merged.put("Order", o);
    }
    config.clear();
    config.putAll(merged);
  }

  private static void putNonZero(Map<String, Object> m, String key, Object nanos) {
    if (nanos != null && !nanos.toString().equals("0")) {
      m.put(key, nanos);
    }
  }
}
