package shoal.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import shoal.cluster.Pem;
import shoal.errors.InvalidArgumentException;
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.Meta;
import shoal.swarm.InitRequest;
import shoal.swarm.JoinRequest;
import shoal.swarm.NodeNames;
import shoal.swarm.SwarmInfo;

/** The swarm in Docker's JSON shapes (Engine API 1.41), and Docker's request bodies as values. */
final class SwarmJson {
  /** VXLAN's port; Shoal's overlay (issue 6) uses Docker's default. */
  static final int DATA_PATH_PORT = 4789;

  private SwarmJson() {}

  /** {@code GET /swarm}: the cluster with its join tokens. */
  static ObjectNode swarm(ObjectMapper json, ClusterObject c) {
    ObjectNode o = cluster(json, c);
    o.putObject("JoinTokens").put("Worker", c.joinTokens().worker()).put("Manager", c.joinTokens().manager());
    return o;
  }

  /** The cluster as {@code /info} shows it (no join tokens). */
  static ObjectNode cluster(ObjectMapper json, ClusterObject c) {
    ObjectNode o = json.createObjectNode();
    o.put("ID", c.id());
    meta(o, c.meta());
    o.set("Spec", spec(json, c.spec()));
    o.set("TLSInfo", tlsInfo(json, c.rootCa().certPem()));
    o.put("RootRotationInProgress", false);
    ArrayNode pool = o.putArray("DefaultAddrPool");
    c.defaultAddressPool().subnets().forEach(pool::add);
    o.put("SubnetSize", c.defaultAddressPool().maskLength());
    o.put("DataPathPort", DATA_PATH_PORT);
    return o;
  }

  static void meta(ObjectNode o, Meta m) {
    o.putObject("Version").put("Index", m.version());
    o.put("CreatedAt", ContainerJson.time(m.createdAt()));
    o.put("UpdatedAt", ContainerJson.time(m.updatedAt()));
  }

  static ObjectNode spec(ObjectMapper json, ClusterObject.Spec s) {
    ObjectNode o = json.createObjectNode();
    o.put("Name", s.name());
    o.set("Labels", json.valueToTree(new TreeMap<>(s.labels())));
    o.putObject("Orchestration").put("TaskHistoryRetentionLimit", s.orchestration().taskHistoryRetentionLimit());
    o.putObject("Raft")
        .put("SnapshotInterval", s.raft().snapshotInterval())
        .put("KeepOldSnapshots", s.raft().keepOldSnapshots())
        .put("LogEntriesForSlowFollowers", s.raft().logEntriesForSlowFollowers())
        .put("ElectionTick", s.raft().electionTick())
        .put("HeartbeatTick", s.raft().heartbeatTick());
    o.putObject("Dispatcher").put("HeartbeatPeriod", s.dispatcher().heartbeatPeriod().toNanos());
    o.putObject("CAConfig").put("NodeCertExpiry", s.caConfig().nodeCertExpiry().toNanos());
    o.putObject("TaskDefaults");
    o.putObject("EncryptionConfig").put("AutoLockManagers", false);
    return o;
  }

  /** Docker's TLSInfo: the root CA (PEM) and its subject and public key (DER, base64). */
  static ObjectNode tlsInfo(ObjectMapper json, String rootPem) {
    X509Certificate root = Pem.certificates(rootPem).getFirst();
    Base64.Encoder b64 = Base64.getEncoder();
    ObjectNode o = json.createObjectNode();
    o.put("TrustRoot", rootPem);
    o.put("CertIssuerSubject", b64.encodeToString(root.getSubjectX500Principal().getEncoded()));
    o.put("CertIssuerPublicKey", b64.encodeToString(root.getPublicKey().getEncoded()));
    return o;
  }

  /** The Swarm section of {@code /info}. */
  static ObjectNode info(ObjectMapper json, SwarmInfo i) {
    ObjectNode o = json.createObjectNode();
    o.put("NodeID", i.nodeId());
    o.put("NodeAddr", i.nodeAddr());
    o.put("LocalNodeState", i.state().word());
    o.put("ControlAvailable", i.controlAvailable());
    o.put("Error", i.error());
    if (i.remoteManagers() == null) {
      o.putNull("RemoteManagers");
    } else {
      ArrayNode rm = o.putArray("RemoteManagers");
      i.remoteManagers().forEach(m -> rm.addObject().put("NodeID", m.nodeId()).put("Addr", m.addr()));
    }
    if (i.nodes() != null) {
      o.put("Nodes", i.nodes());
      o.put("Managers", i.managers());
    }
    if (i.cluster() != null) {
      o.set("Cluster", cluster(json, i.cluster()));
    }
    return o;
  }

  /** A Spec body; durations left out or zero come back as zero (the caller's default applies). */
  static ClusterObject.Spec specOf(JsonNode s) {
    if (s == null || s.isNull() || s.isMissingNode()) {
      return new ClusterObject.Spec(null, Map.of(), null,
          new ClusterObject.Dispatcher(Duration.ZERO), new ClusterObject.CaConfig(Duration.ZERO));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    s.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    JsonNode raft = s.path("Raft");
    ClusterObject.Raft defaults = ClusterObject.Raft.defaults();
    ClusterObject.Raft r = raft.isObject() ? new ClusterObject.Raft(
        positive(raft.path("SnapshotInterval").asLong(0), defaults.snapshotInterval()),
        raft.path("KeepOldSnapshots").asLong(defaults.keepOldSnapshots()),
        positive(raft.path("LogEntriesForSlowFollowers").asLong(0), defaults.logEntriesForSlowFollowers()),
        (int) positive(raft.path("ElectionTick").asInt(0), defaults.electionTick()),
        (int) positive(raft.path("HeartbeatTick").asInt(0), defaults.heartbeatTick()))
        : defaults;
    Duration beat = nanos(s.path("Dispatcher").path("HeartbeatPeriod"), "Dispatcher.HeartbeatPeriod");
    Duration expiry = nanos(s.path("CAConfig").path("NodeCertExpiry"), "CAConfig.NodeCertExpiry");
    JsonNode limit = s.path("Orchestration").path("TaskHistoryRetentionLimit");
    if (!limit.isMissingNode() && !limit.isNull() && !limit.canConvertToLong()) {
      throw new InvalidArgumentException("invalid Orchestration.TaskHistoryRetentionLimit: " + limit);
    }
    ClusterObject.Orchestration orchestration =
        limit.canConvertToLong() ? new ClusterObject.Orchestration(limit.asLong()) : null;
    return new ClusterObject.Spec(null, labels, r, new ClusterObject.Dispatcher(beat),
        new ClusterObject.CaConfig(expiry), orchestration);
  }

  private static long positive(long v, long fallback) {
    return v > 0 ? v : fallback;
  }

  private static Duration nanos(JsonNode n, String what) {
    if (n.isMissingNode() || n.isNull()) {
      return Duration.ZERO;
    }
    if (!n.canConvertToLong() || n.asLong() < 0) {
      throw new InvalidArgumentException("invalid " + what + ": " + n);
    }
    return Duration.ofNanos(n.asLong());
  }

  static InitRequest initRequest(JsonNode b) {
    JsonNode body = b == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : b;
    List<String> pool = new ArrayList<>();
    body.path("DefaultAddrPool").forEach(p -> pool.add(p.asText()));
    return new InitRequest(body.path("ListenAddr").asText(""), body.path("AdvertiseAddr").asText(""), pool,
        body.path("SubnetSize").asInt(0), body.path("ForceNewCluster").asBoolean(false),
        specOf(body.get("Spec")), availability(body));
  }

  static JoinRequest joinRequest(JsonNode b) {
    JsonNode body = b == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : b;
    List<String> remotes = new ArrayList<>();
    body.path("RemoteAddrs").forEach(p -> remotes.add(p.asText()));
    return new JoinRequest(body.path("ListenAddr").asText(""), body.path("AdvertiseAddr").asText(""), remotes,
        body.path("JoinToken").asText(""), availability(body));
  }

  private static shoal.manager.store.objects.NodeObject.Availability availability(JsonNode body) {
    String a = body.path("Availability").asText("");
    return a.isEmpty() ? shoal.manager.store.objects.NodeObject.Availability.ACTIVE : NodeNames.parseAvailability(a);
  }
}
