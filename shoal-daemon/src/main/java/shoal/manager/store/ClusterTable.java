package shoal.manager.store;

import java.util.Optional;
import shoal.manager.store.objects.ClusterObject;
import shoal.manager.store.objects.Kind;

/**
 * The cluster object (one per swarm, named "default"). Verbs and their exceptions: {@link
 * ObjectTable}; a second cluster named "default" fails with {@link AlreadyExistsException}.
 */
public final class ClusterTable extends ObjectTable<ClusterObject> {
  ClusterTable(Tx tx) {
    super(tx, Kind.CLUSTER, ClusterObject.class);
  }

  /** The swarm's cluster object, if the swarm has been initialised. */
  public Optional<ClusterObject> find() {
    return findByName(ClusterObject.DEFAULT_NAME);
  }

  /**
   * The swarm's cluster object.
   *
   * @throws NotFoundException if the swarm has not been initialised
   */
  public ClusterObject get() {
    return find().orElseThrow(() -> new NotFoundException(Kind.CLUSTER, ClusterObject.DEFAULT_NAME));
  }
}
