package shoal.swarm;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import shoal.cluster.CaKeySource;
import shoal.cluster.JoinSecrets;
import shoal.cluster.JoinToken;
import shoal.cluster.JoiningNode;
import shoal.cluster.NodeDirectory;
import shoal.cluster.NodeRole;
import shoal.cluster.Pem;
import shoal.cluster.RootCa;
import shoal.manager.store.Store;
import shoal.manager.store.StoreException;
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.NodeObject;

/**
 * The CA's view of the cluster, read from this manager's store: the cluster object (root CA, join
 * secrets, certificate expiry) and the nodes. Reads are local (no Raft round trip): the CA and the
 * authorization of every call on the cluster port run them.
 */
final class StoreDirectory implements NodeDirectory, CaKeySource {
  private final Store store;
  private final String clusterId;
  // The parsed root CA, replaced whole when the cluster object carries another PEM.
  private final AtomicReference<ParsedCa> ca = new AtomicReference<>();

  private record ParsedCa(String certPem, RootCa rootCa) {}

  StoreDirectory(Store store, String clusterId) {
    this.store = store;
    this.clusterId = clusterId;
  }

  private ClusterObject cluster() {
    return store.viewLocal(tx -> tx.cluster().find())
        .orElseThrow(() -> new shoal.errors.UnavailableException("the swarm's cluster object is not in this manager's store yet"));
  }

  @Override
  public String clusterId() {
    return clusterId;
  }

  @Override
  public RootCa rootCa() {
    ClusterObject.RootCa stored = cluster().rootCa();
    ParsedCa now = ca.get();
    if (now == null || !now.certPem().equals(stored.certPem())) {
      X509Certificate cert = Pem.certificates(stored.certPem()).getFirst();
      now = new ParsedCa(stored.certPem(), RootCa.of(cert, Pem.privateKey(stored.keyPem())));
      ca.set(now);
    }
    return now.rootCa();
  }

  @Override
  public JoinSecrets joinSecrets() {
    return secretsOf(cluster().joinTokens());
  }

  @Override
  public Duration certExpiry() {
    return cluster().spec().caConfig().nodeCertExpiry();
  }

  /** The CA's secrets from the tokens the cluster object keeps. */
  static JoinSecrets secretsOf(ClusterObject.JoinTokens tokens) {
    List<JoinSecrets.Retired> retired = new ArrayList<>();
    for (ClusterObject.Rotated r : tokens.rotated()) {
      retired.add(new JoinSecrets.Retired(roleNamed(r.role()), JoinToken.parse(r.token()).secret()));
    }
    return new JoinSecrets(JoinToken.parse(tokens.worker()).secret(),
        JoinToken.parse(tokens.manager()).secret(), retired);
  }

  static NodeRole roleNamed(String dockerName) {
    return "manager".equals(dockerName) ? NodeRole.MANAGER : NodeRole.WORKER;
  }

  @Override
  public void register(JoiningNode node) {
    NodeObject.Role role = node.role() == NodeRole.MANAGER ? NodeObject.Role.MANAGER : NodeObject.Role.WORKER;
    NodeObject created = new NodeObject(node.nodeId(), null,
        new NodeObject.Spec("", null, role, NodeObject.Availability.ACTIVE), role,
        new NodeObject.Status(NodeObject.State.UNKNOWN, "", node.remoteHost()),
        new NodeObject.Description(node.hostname(), null, null, null), null, null);
    try {
      store.update(tx -> {
        tx.nodes().create(created);
        return null;
      });
    } catch (StoreException e) {
      throw StoreErrors.map(e);
    }
  }

  @Override
  public Optional<NodeRole> roleOf(String nodeId) {
    return store.viewLocal(tx -> tx.nodes().find(nodeId))
        .map(n -> n.role() == NodeObject.Role.MANAGER ? NodeRole.MANAGER : NodeRole.WORKER);
  }

  @Override
  public List<String> managerAddresses() {
    return store.viewLocal(tx -> tx.nodes().withRole(NodeObject.Role.MANAGER)).stream()
        .filter(n -> n.managerStatus() != null && n.managerStatus().addr() != null)
        .sorted(Comparator.comparing((NodeObject n) -> !n.managerStatus().leader()).thenComparing(NodeObject::id))
        .map(n -> n.managerStatus().addr())
        .toList();
  }

  @Override
  public boolean isRemoved(String nodeId) {
    return store.viewLocal(tx -> tx.nodes().find(nodeId)).isEmpty();
  }
}
