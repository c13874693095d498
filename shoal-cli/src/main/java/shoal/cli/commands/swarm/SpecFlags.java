package shoal.cli.commands.swarm;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The swarm spec flags {@code init} and {@code update} share. Each is null unless given: as in
 * docker, only the flags the user set change the spec, so an update keeps every other setting.
 */
public final class SpecFlags {
  @Option(names = "--task-history-limit", paramLabel = "int", converter = GoInts.Int64.class, description = "Task history retention limit (default 5)")
  Long taskHistoryLimit;

  @Option(names = "--dispatcher-heartbeat", paramLabel = "duration", converter = GoDuration.Converter.class,
      description = "Dispatcher heartbeat period (ns|us|ms|s|m|h) (default 5s)")
  Duration dispatcherHeartbeat;

  @Option(names = "--cert-expiry", paramLabel = "duration", converter = GoDuration.Converter.class,
      description = "Validity period for node certificates (ns|us|ms|s|m|h) (default 2160h0m0s)")
  Duration certExpiry;

  @Option(names = "--max-snapshots", paramLabel = "uint", converter = GoInts.Uint64.class, description = "Number of additional Raft snapshots to retain")
  Long maxSnapshots;

  @Option(names = "--snapshot-interval", paramLabel = "uint", converter = GoInts.Uint64.class, description = "Number of log entries between Raft snapshots (default 10000)")
  Long snapshotInterval;

  boolean anySet() {
    return taskHistoryLimit != null || dispatcherHeartbeat != null || certExpiry != null
        || maxSnapshots != null || snapshotInterval != null;
  }

  /** Writes the flags that were given into {@code spec} (the Engine API's SwarmSpec, as parsed JSON). */
  void mergeInto(Map<String, Object> spec) {
    if (taskHistoryLimit != null) {
      section(spec, "Orchestration").put("TaskHistoryRetentionLimit", taskHistoryLimit);
    }
    if (dispatcherHeartbeat != null) {
      section(spec, "Dispatcher").put("HeartbeatPeriod", dispatcherHeartbeat.toNanos());
    }
    if (maxSnapshots != null) {
      section(spec, "Raft").put("KeepOldSnapshots", maxSnapshots);
    }
    if (snapshotInterval != null) {
      section(spec, "Raft").put("SnapshotInterval", snapshotInterval);
    }
    if (certExpiry != null) {
      section(spec, "CAConfig").put("NodeCertExpiry", certExpiry.toNanos());
    }
  }

  /** The spec docker sends with {@code swarm init}: Go's zero SwarmSpec, the daemon filling defaults. */
  static Map<String, Object> zeroSpec() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("Labels", null);
    spec.put("Orchestration", new LinkedHashMap<>());
    Map<String, Object> raft = new LinkedHashMap<>();
    raft.put("ElectionTick", 0L);
    raft.put("HeartbeatTick", 0L);
    spec.put("Raft", raft);
    spec.put("Dispatcher", new LinkedHashMap<>());
    spec.put("CAConfig", new LinkedHashMap<>());
    spec.put("TaskDefaults", new LinkedHashMap<>());
    spec.put("EncryptionConfig", new LinkedHashMap<>(Map.of("AutoLockManagers", false)));
    return spec;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> spec, String name) {
    Object s = spec.get(name);
    if (s instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    Map<String, Object> fresh = new LinkedHashMap<>();
    spec.put(name, fresh);
    return fresh;
  }
}
