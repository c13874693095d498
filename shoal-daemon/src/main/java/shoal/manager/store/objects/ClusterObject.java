package shoal.manager.store.objects;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The swarm's one cluster object (named {@value #DEFAULT_NAME}): its settings, join tokens and root
 * CA. The CA key is replicated with it so that any manager can sign certificates, as Docker does.
 *
 * @param joinTokens the current worker and manager join tokens
 * @param rootCa the root CA certificate and key (PEM)
 * @param defaultAddressPool the pool swarm networks take subnets from
 */
public record ClusterObject(
    String id, Meta meta, Spec spec, JoinTokens joinTokens, RootCa rootCa,
    AddressPool defaultAddressPool)
    implements StoreObject {
  public static final String DEFAULT_NAME = "default";

  public ClusterObject {
    meta = Meta.orNone(meta);
    spec = spec == null ? Spec.defaults() : spec;
  }

  @Override
  public ClusterObject withMeta(Meta meta) {
    return new ClusterObject(id, meta, spec, joinTokens, rootCa, defaultAddressPool);
  }

  public ClusterObject withSpec(Spec spec) {
    return new ClusterObject(id, meta, spec, joinTokens, rootCa, defaultAddressPool);
  }

  public ClusterObject withJoinTokens(JoinTokens joinTokens) {
    return new ClusterObject(id, meta, spec, joinTokens, rootCa, defaultAddressPool);
  }

  public ClusterObject withRootCa(RootCa rootCa) {
    return new ClusterObject(id, meta, spec, joinTokens, rootCa, defaultAddressPool);
  }

  @Override
  public String uniqueName() {
    return spec.name();
  }

  /**
   * What `swarm update` changes.
   *
   * @param orchestration the orchestrator's settings (`--task-history-limit`)
   */
  public record Spec(
      String name, Map<String, String> labels, Raft raft, Dispatcher dispatcher, CaConfig caConfig,
      Orchestration orchestration) {
    public Spec {
      name = name == null ? DEFAULT_NAME : name;
      labels = Labels.copy(labels);
      raft = raft == null ? Raft.defaults() : raft;
      dispatcher = dispatcher == null ? Dispatcher.defaults() : dispatcher;
      caConfig = caConfig == null ? CaConfig.defaults() : caConfig;
      orchestration = orchestration == null ? Orchestration.defaults() : orchestration;
    }

    /** A spec with the default orchestration settings. */
    public Spec(
        String name, Map<String, String> labels, Raft raft, Dispatcher dispatcher,
        CaConfig caConfig) {
      this(name, labels, raft, dispatcher, caConfig, null);
    }

    /** Docker's defaults. */
    public static Spec defaults() {
      return new Spec(DEFAULT_NAME, Map.of(), null, null, null);
    }

    public Spec withLabels(Map<String, String> labels) {
      return new Spec(name, labels, raft, dispatcher, caConfig, orchestration);
    }

    public Spec withRaft(Raft raft) {
      return new Spec(name, labels, raft, dispatcher, caConfig, orchestration);
    }

    public Spec withDispatcher(Dispatcher dispatcher) {
      return new Spec(name, labels, raft, dispatcher, caConfig, orchestration);
    }

    public Spec withCaConfig(CaConfig caConfig) {
      return new Spec(name, labels, raft, dispatcher, caConfig, orchestration);
    }

    public Spec withOrchestration(Orchestration orchestration) {
      return new Spec(name, labels, raft, dispatcher, caConfig, orchestration);
    }
  }

  /**
   * Raft settings as `swarm inspect` shows them. Shoal's Raft timings are fixed constants of the
   * store (see {@code RaftTimings}); these values are reported, and snapshotInterval is used.
   */
  public record Raft(
      long snapshotInterval, long keepOldSnapshots, long logEntriesForSlowFollowers,
      int electionTick, int heartbeatTick) {
    public static Raft defaults() {
      return new Raft(10_000, 0, 500, 10, 1);
    }
  }

  /** @param heartbeatPeriod how often agents heartbeat to the dispatcher */
  public record Dispatcher(Duration heartbeatPeriod) {
    public Dispatcher {
      heartbeatPeriod = heartbeatPeriod == null ? Duration.ofSeconds(5) : heartbeatPeriod;
    }

    public static Dispatcher defaults() {
      return new Dispatcher(null);
    }
  }

  /** @param nodeCertExpiry the lifetime of node certificates the CA issues */
  public record CaConfig(Duration nodeCertExpiry) {
    public CaConfig {
      nodeCertExpiry = nodeCertExpiry == null ? Duration.ofDays(90) : nodeCertExpiry;
    }

    public static CaConfig defaults() {
      return new CaConfig(null);
    }
  }

  /**
   * @param taskHistoryRetentionLimit how many tasks the reaper keeps per slot (per node for a
   *     global service), the running one included; Docker's default 5
   */
  public record Orchestration(long taskHistoryRetentionLimit) {
    public static Orchestration defaults() {
      return new Orchestration(5);
    }
  }

  /**
   * The current join tokens (`SWMTKN-1-…`) and the ones rotated away (kept to tell their holder
   * why they fail).
   */
  public record JoinTokens(String worker, String manager, List<Rotated> rotated) {
    public JoinTokens {
      rotated = Labels.copy(rotated);
    }

    public JoinTokens(String worker, String manager) {
      this(worker, manager, List.of());
    }
  }

  /** A token that `swarm join-token --rotate` replaced; role is "worker" or "manager". */
  public record Rotated(String role, String token) {}

  /** The root CA: certificate and private key, PEM. */
  public record RootCa(String certPem, String keyPem) {
    @Override
    public String toString() {
      return "RootCa[certPem=" + (certPem == null ? 0 : certPem.length()) + " chars, keyPem=hidden]";
    }
  }

  /** Subnets swarm networks are allocated from, each cut into subnets of maskLength bits. */
  public record AddressPool(List<String> subnets, int maskLength) {
    public AddressPool {
      subnets = Labels.copy(subnets);
    }
  }
}
