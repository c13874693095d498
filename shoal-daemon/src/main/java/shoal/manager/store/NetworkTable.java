package shoal.manager.store;

import java.util.Optional;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.NetworkObject;

/**
 * The swarm-scoped networks; names are unique. Verbs and their exceptions ({@link
 * NotFoundException}, {@link AlreadyExistsException}, {@link VersionConflictException}): {@link
 * ObjectTable}.
 */
public final class NetworkTable extends ObjectTable<NetworkObject> {
  NetworkTable(Tx tx) {
    super(tx, Kind.NETWORK, NetworkObject.class);
  }

  /** The network with this name (case-insensitive), if any. */
  public Optional<NetworkObject> byName(String name) {
    return findByName(name);
  }
}
