package shoal.manager.store;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * How to run this manager's store.
 *
 * @param dir where the Raft log and snapshots live ({@code <data-root>/swarm/raft})
 * @param nodeId this node's ID, its Raft peer ID
 * @param clusterId the swarm's cluster ID (names the Raft group)
 * @param listen where the Raft server listens (e.g. 0.0.0.0:2378)
 * @param advertise where the other managers reach it (host:port, e.g. 192.168.1.10:2378)
 * @param tls mutual TLS with the node certificates, or none (tests)
 * @param snapshotInterval log entries between snapshots (the cluster's Raft.SnapshotInterval)
 */
public record StoreConfig(
    Path dir, String nodeId, String clusterId, InetSocketAddress listen, String advertise,
    RaftTls tls, long snapshotInterval) {
  public static final int DEFAULT_PORT = 2378;
  public static final long DEFAULT_SNAPSHOT_INTERVAL = 10_000;

  public StoreConfig {
    if (dir == null || nodeId == null || nodeId.isBlank() || clusterId == null
        || clusterId.isBlank() || listen == null || advertise == null || advertise.isBlank()) {
      throw new IllegalArgumentException(
          "the store needs a directory, a node ID, a cluster ID and addresses");
    }
    tls = tls == null ? RaftTls.none() : tls;
    snapshotInterval = snapshotInterval <= 0 ? DEFAULT_SNAPSHOT_INTERVAL : snapshotInterval;
  }

  public StoreConfig withSnapshotInterval(long snapshotInterval) {
    return new StoreConfig(dir, nodeId, clusterId, listen, advertise, tls, snapshotInterval);
  }
}
