package shoal.swarm;

import java.util.function.Function;
import shoal.manager.store.Store;
import shoal.manager.store.StoreException;
import shoal.manager.store.Tx;

/** Store reads and writes of the manager's controls, with the store's failures in the API's terms. */
final class StoreCalls {
  private StoreCalls() {}

  static <T> T read(Store store, Function<Tx, T> fn) {
    try {
      return store.view(fn);
    } catch (StoreException e) {
      throw StoreErrors.map(e);
    }
  }

  static void write(Store store, Function<Tx, Void> fn) {
    try {
      store.update(fn);
    } catch (StoreException e) {
      throw StoreErrors.map(e);
    }
  }
}
