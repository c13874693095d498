package shoal.swarm;

import shoal.errors.ConflictException;
import shoal.errors.NotFoundException;
import shoal.errors.ShoalException;
import shoal.errors.UnavailableException;
import shoal.manager.store.AlreadyExistsException;
import shoal.manager.store.StoreException;
import shoal.manager.store.StoreUnavailableException;
import shoal.manager.store.VersionConflictException;

/** The store's failures as the Engine API reports them (Docker's words where it has them). */
final class StoreErrors {
  /** swarmkit's answer to a write carrying a stale version. */
  static final String OUT_OF_SEQUENCE = "update out of sequence";

  private StoreErrors() {}

  static ShoalException map(StoreException e) {
    return switch (e) {
      case shoal.manager.store.NotFoundException x -> new NotFoundException(x.getMessage(), x);
      case AlreadyExistsException x -> new ConflictException(x.getMessage(), x);
      case VersionConflictException x -> new ConflictException(OUT_OF_SEQUENCE, x);
      case StoreUnavailableException x -> new UnavailableException(
          "The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online. ("
              + x.getMessage() + ")", x);
      default -> new shoal.errors.SystemException(e.getMessage(), e);
    };
  }
}
