package shoal.manager.store;

import java.util.Optional;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.ServiceObject;

/**
 * The swarm's services; names are unique. Verbs and their exceptions ({@link NotFoundException},
 * {@link AlreadyExistsException}, {@link VersionConflictException}): {@link ObjectTable}.
 */
public final class ServiceTable extends ObjectTable<ServiceObject> {
  ServiceTable(Tx tx) {
    super(tx, Kind.SERVICE, ServiceObject.class);
  }

  /** The service with this name (case-insensitive), if any. */
  public Optional<ServiceObject> byName(String name) {
    return findByName(name);
  }
}
