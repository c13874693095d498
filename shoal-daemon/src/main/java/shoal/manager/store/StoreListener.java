package shoal.manager.store;

import java.util.List;

/**
 * Told about changes of leadership and membership, one call at a time on the store's event thread
 * (keep calls short; hand long work to another thread).
 */
public interface StoreListener {
  /** The leader changed, or this manager became ready to lead. Called once on registration. */
  default void leadershipChanged(Leadership leadership) {}

  /** The set of managers changed (one was added or removed). */
  default void managersChanged(List<ManagerInfo> managers) {}
}
