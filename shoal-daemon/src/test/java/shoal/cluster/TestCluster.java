package shoal.cluster;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A cluster's CA state and node directory, in memory, as the swarm service keeps them in the store. */
final class TestCluster implements CaKeySource, NodeDirectory {
  final String clusterId = ClusterIds.newId();
  final RootCa root = RootCa.create(Instant.now());
  volatile JoinSecrets secrets = JoinSecrets.generate();
  volatile Duration certExpiry = RootCa.DEFAULT_NODE_VALIDITY;
  final Map<String, JoiningNode> nodes = new ConcurrentHashMap<>();
  final Set<String> removed = ConcurrentHashMap.newKeySet();
  volatile List<String> managers = List.of();

  /** An identity issued directly by the CA, as {@code swarm init} makes the first manager's. */
  NodeIdentity issue(NodeRole role) {
    return issue(role, root);
  }

  NodeIdentity issue(NodeRole role, RootCa by) {
    KeyPair keys = Certificates.newKeyPair();
    String id = ClusterIds.newId();
    var cert = by.issue(Certificates.csr(keys), id, role, clusterId, certExpiry, Instant.now());
    return new NodeIdentity(keys.getPrivate(), List.of(cert), by.certificate());
  }

  String token(NodeRole role) {
    return secrets.token(role, root.digest()).format();
  }

  @Override
  public String clusterId() {
    return clusterId;
  }

  @Override
  public RootCa rootCa() {
    return root;
  }

  @Override
  public JoinSecrets joinSecrets() {
    return secrets;
  }

  @Override
  public Duration certExpiry() {
    return certExpiry;
  }

  @Override
  public void register(JoiningNode node) {
    nodes.put(node.nodeId(), node);
  }

  @Override
  public Optional<NodeRole> roleOf(String nodeId) {
    JoiningNode n = nodes.get(nodeId);
    return n == null || removed.contains(nodeId) ? Optional.empty() : Optional.of(n.role());
  }

  @Override
  public List<String> managerAddresses() {
    return managers;
  }

  @Override
  public boolean isRemoved(String nodeId) {
    return removed.contains(nodeId);
  }
}
