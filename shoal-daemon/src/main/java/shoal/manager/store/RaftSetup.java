package shoal.manager.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.client.retry.RequestTypeDependentRetryPolicy;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.proto.RaftProtos.RaftClientRequestProto.TypeCase;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.retry.RetryPolicy;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/** Ratis settings of the store, from {@link StoreConfig} and {@link RaftTimings}. */
final class RaftSetup {
  /** Snapshots kept on disk (the newest is enough; one older is a fallback for inspection). */
  private static final int SNAPSHOTS_RETAINED = 2;

  private RaftSetup() {}

  /** The Raft group of a swarm, named after its cluster ID so every manager derives the same. */
  static RaftGroupId groupId(String clusterId) {
    return RaftGroupId.valueOf(
        UUID.nameUUIDFromBytes(("shoal-swarm/" + clusterId).getBytes(StandardCharsets.UTF_8)));
  }

  /** @param alone a group of one just bootstrapped: it elects itself at once */
  static RaftProperties properties(StoreConfig config, boolean alone) {
    RaftProperties p = new RaftProperties();
    RaftConfigKeys.Rpc.setType(p, SupportedRpcType.GRPC);
    RaftServerConfigKeys.setStorageDir(p, List.of(config.dir().toFile()));
    GrpcConfigKeys.Server.setHost(p, config.listen().getHostString());
    GrpcConfigKeys.Server.setPort(p, config.listen().getPort());

    RaftServerConfigKeys.Rpc.setTimeoutMin(p, ratis(RaftTimings.ELECTION_TIMEOUT_MIN));
    RaftServerConfigKeys.Rpc.setTimeoutMax(p, ratis(RaftTimings.ELECTION_TIMEOUT_MAX));
    RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(p, ratis(alone
        ? RaftTimings.BOOTSTRAP_ELECTION_TIMEOUT_MIN : RaftTimings.FIRST_ELECTION_TIMEOUT_MIN));
    RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(p, ratis(alone
        ? RaftTimings.BOOTSTRAP_ELECTION_TIMEOUT_MAX : RaftTimings.FIRST_ELECTION_TIMEOUT_MAX));
    RaftServerConfigKeys.Rpc.setRequestTimeout(p, ratis(RaftTimings.RPC_REQUEST_TIMEOUT));
    RaftServerConfigKeys.LeaderElection.setPreVote(p, true);
    RaftServerConfigKeys.LeaderElection.setLeaderStepDownWaitTime(
        p, ratis(RaftTimings.LEADER_STEP_DOWN_WAIT));

    // Reads on any manager wait until it applied the leader's commit index (read index); the
    // leader answers from its lease instead of a heartbeat round when the lease holds.
    RaftServerConfigKeys.Read.setOption(p, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
    RaftServerConfigKeys.Read.setLeaderLeaseEnabled(p, true);
    RaftServerConfigKeys.Read.setTimeout(p, ratis(RaftTimings.READ_INDEX_TIMEOUT));

    RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
    RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, config.snapshotInterval());
    RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, SNAPSHOTS_RETAINED);
    RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
    // Small segments: a swarm's log is small and the preallocation is disk each manager pays.
    RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf("8MB"));
    RaftServerConfigKeys.Log.setPreallocatedSize(p, SizeInBytes.valueOf("1MB"));

    RaftClientConfigKeys.Rpc.setRequestTimeout(p, ratis(RaftTimings.CLIENT_ATTEMPT_TIMEOUT));
    return p;
  }

  /** The properties of the membership client: one change may take as long as a catch-up. */
  static RaftProperties adminProperties(RaftProperties properties) {
    RaftProperties p = new RaftProperties(properties);
    RaftClientConfigKeys.Rpc.setRequestTimeout(p, ratis(RaftTimings.MEMBERSHIP_TIMEOUT));
    return p;
  }

  static Parameters parameters(RaftTls tls) {
    Parameters params = new Parameters();
    if (tls.enabled()) {
      GrpcTlsConfig conf = new GrpcTlsConfig(
          tls.keyManager(), new ManagerTrustManager(tls.trustManager()), true);
      GrpcConfigKeys.Server.setTlsConf(params, conf);
      GrpcConfigKeys.Client.setTlsConf(params, conf);
      GrpcConfigKeys.Admin.setTlsConf(params, conf);
      GrpcConfigKeys.TLS.setConf(params, conf);
    }
    return params;
  }

  /** Every client request retries (through a failover) until REQUEST_TIMEOUT has passed. */
  static RetryPolicy clientRetry(Duration total) {
    RequestTypeDependentRetryPolicy.Builder b = RequestTypeDependentRetryPolicy.newBuilder();
    for (TypeCase type : TypeCase.values()) {
      if (type != TypeCase.TYPE_NOT_SET) {
        b.setRetryPolicy(type, RetryPolicies.retryForeverWithSleep(ratis(RaftTimings.CLIENT_RETRY_SLEEP)));
        b.setTimeout(type, ratis(total));
      }
    }
    return b.build();
  }

  static TimeDuration ratis(Duration d) {
    return TimeDuration.valueOf(d.toMillis(), TimeUnit.MILLISECONDS);
  }
}
