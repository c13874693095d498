package shoal.manager.store;

/**
 * The watch ended: closed by its owner or the store, or it fell too far behind (its queue
 * overflowed). A loop that wants to go on takes a fresh {@code Store.viewAndWatch}.
 */
public final class WatchClosedException extends StoreException {
  public WatchClosedException(String message) {
    super(message);
  }
}
