package shoal.manager.store;

/**
 * A store operation that did not happen. Callers branch on the subclass; the Engine API maps each
 * to its own error (e.g. {@link NotFoundException} to 404) where it calls the store.
 */
public abstract sealed class StoreException extends RuntimeException
    permits AlreadyExistsException, NotFoundException, VersionConflictException,
        StoreUnavailableException, WatchClosedException {
  protected StoreException(String message) {
    super(message);
  }

  protected StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
