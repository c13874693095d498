package shoal.manager.store;

/**
 * The store could not answer in time: no leader (no quorum of managers), this manager not (yet)
 * part of the group, or the store closed.
 */
public final class StoreUnavailableException extends StoreException {
  public StoreUnavailableException(String message) {
    super(message);
  }

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
