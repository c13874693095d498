package shoal.swarm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import shoal.cluster.JoinSecrets;
import shoal.cluster.JoinToken;
import shoal.cluster.Pem;
import shoal.errors.ConflictException;
import shoal.manager.store.Store;
import shoal.manager.store.StoreException;
import shoal.manager.store.objects.ClusterObject;

/** {@code GET /swarm} and {@code POST /swarm/update} on a manager. */
public final class ClusterControl {
  /** swarmkit's floor for node certificate lifetimes. */
  static final Duration MIN_CERT_EXPIRY = Duration.ofHours(1);

  private final Store store;

  ClusterControl(Store store) {
    this.store = store;
  }

  public ClusterObject inspect() {
    try {
      return store.view(tx -> tx.cluster().get());
    } catch (StoreException e) {
      throw StoreErrors.map(e);
    }
  }

  /**
   * Applies {@code spec} (unset values take Shoal's defaults) if the cluster is still at {@code
   * version}, and replaces the join tokens asked for; the old ones then fail with a message that
   * says they were rotated.
   */
  public void update(long version, ClusterObject.Spec spec, boolean rotateWorker, boolean rotateManager) {
    ClusterObject.Spec next = ClusterBootstrap.withShoalDefaults(
        new ClusterObject.Spec(ClusterObject.DEFAULT_NAME, spec.labels(), spec.raft(), spec.dispatcher(), spec.caConfig(),
            spec.orchestration()));
    String workerSecret = JoinToken.newSecret();
    String managerSecret = JoinToken.newSecret();
    try {
      store.update(tx -> {
        ClusterObject c = tx.cluster().get();
        if (c.meta().version() != version) {
          throw new ConflictException(StoreErrors.OUT_OF_SEQUENCE);
        }
        ClusterObject.JoinTokens tokens = c.joinTokens();
        String digest = JoinToken.digestOf(Pem.certificates(c.rootCa().certPem()).getFirst());
        if (rotateWorker) {
          tokens = rotate(tokens, "worker", new JoinToken(digest, workerSecret).format());
        }
        if (rotateManager) {
          tokens = rotate(tokens, "manager", new JoinToken(digest, managerSecret).format());
        }
        tx.cluster().update(c.withSpec(next).withJoinTokens(tokens));
        return null;
      });
    } catch (StoreException e) {
      throw StoreErrors.map(e);
    }
  }

  static ClusterObject.JoinTokens rotate(ClusterObject.JoinTokens t, String role, String fresh) {
    List<ClusterObject.Rotated> rotated = new ArrayList<>(t.rotated());
    rotated.add(new ClusterObject.Rotated(role, role.equals("worker") ? t.worker() : t.manager()));
    while (rotated.size() > JoinSecrets.MAX_RETIRED) {
      rotated.removeFirst();
    }
    return role.equals("worker")
        ? new ClusterObject.JoinTokens(fresh, t.manager(), rotated)
        : new ClusterObject.JoinTokens(t.worker(), fresh, rotated);
  }
}
