package shoal.cli.commands.swarm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shoal.cli.format.Units;
import shoal.cli.json.Jv;

/** The Swarm section of {@code info}, line for line as docker prints it from {@code /info}'s {@code Swarm}. */
public final class SwarmSection {
  private SwarmSection() {}

  /** The section's lines, indented as {@code info} prints them (the first is {@code " Swarm: active"}). */
  public static List<String> lines(Map<String, Object> swarm) {
    List<String> out = new ArrayList<>();
    String state = Jv.str(swarm, "LocalNodeState");
    out.add(" Swarm: " + state);
    if (state.equals("inactive") || state.equals("locked")) {
      return out;
    }
    out.add("  NodeID: " + Jv.str(swarm, "NodeID"));
    String error = Jv.str(swarm, "Error");
    if (!error.isEmpty()) {
      out.add("  Error: " + error);
    }
    boolean manager = Jv.bool(swarm, "ControlAvailable");
    out.add("  Is Manager: " + manager);
    Object cluster = Jv.get(swarm, "Cluster");
    if (cluster != null && manager && error.isEmpty() && !state.equals("error")) {
      clusterLines(swarm, cluster, out);
    }
    out.add("  Node Address: " + Jv.str(swarm, "NodeAddr"));
    List<String> managers = new ArrayList<>();
    for (Object m : Jv.list(swarm, "RemoteManagers")) {
      managers.add(Jv.str(m, "Addr"));
    }
    if (!managers.isEmpty()) {
      managers.sort(null);
      out.add("  Manager Addresses:");
      managers.forEach(a -> out.add("   " + a));
    }
    return out;
  }

  private static void clusterLines(Map<String, Object> swarm, Object cluster, List<String> out) {
    out.add("  ClusterID: " + Jv.str(cluster, "ID"));
    out.add("  Managers: " + Jv.lng(swarm, "Managers"));
    out.add("  Nodes: " + Jv.lng(swarm, "Nodes"));
    if (Jv.get(cluster, "DefaultAddrPool") != null) {
      StringBuilder pools = new StringBuilder();
      Jv.list(cluster, "DefaultAddrPool").forEach(p -> pools.append(p).append("  "));
      out.add("  Default Address Pool: " + pools);
      out.add("  SubnetSize: " + Jv.lng(cluster, "SubnetSize"));
    }
    if (Jv.lng(cluster, "DataPathPort") > 0) {
      out.add("  Data Path Port: " + Jv.lng(cluster, "DataPathPort"));
    }
    Object spec = Jv.get(cluster, "Spec");
    out.add("  Orchestration:");
    out.add("   Task History Retention Limit: " + Jv.lng(spec, "Orchestration", "TaskHistoryRetentionLimit"));
    out.add("  Raft:");
    out.add("   Snapshot Interval: " + Jv.lng(spec, "Raft", "SnapshotInterval"));
    if (Jv.get(spec, "Raft", "KeepOldSnapshots") != null) {
      out.add("   Number of Old Snapshots to Retain: " + Jv.lng(spec, "Raft", "KeepOldSnapshots"));
    }
    out.add("   Heartbeat Tick: " + Jv.lng(spec, "Raft", "HeartbeatTick"));
    out.add("   Election Tick: " + Jv.lng(spec, "Raft", "ElectionTick"));
    out.add("  Dispatcher:");
    out.add("   Heartbeat Period: " + human(Jv.lng(spec, "Dispatcher", "HeartbeatPeriod")));
    out.add("  CA Configuration:");
    out.add("   Expiry Duration: " + human(Jv.lng(spec, "CAConfig", "NodeCertExpiry")));
    out.add("   Force Rotate: " + Jv.lng(spec, "CAConfig", "ForceRotate"));
    String signing = Jv.str(spec, "CAConfig", "SigningCACert").strip();
    if (!signing.isEmpty()) {
      out.add("   Signing CA Certificate: \n" + signing + "\n");
    }
    List<Object> externals = Jv.list(spec, "CAConfig", "ExternalCAs");
    if (!externals.isEmpty()) {
      out.add("   External CAs:");
      externals.forEach(e -> out.add("     " + Jv.str(e, "Protocol") + ": " + Jv.str(e, "URL")));
    }
    out.add("  Autolock Managers: " + Jv.bool(spec, "EncryptionConfig", "AutoLockManagers"));
    out.add("  Root Rotation In Progress: " + Jv.bool(cluster, "RootRotationInProgress"));
  }

  private static String human(long nanos) {
    return Units.humanDuration(Duration.ofNanos(nanos));
  }
}
