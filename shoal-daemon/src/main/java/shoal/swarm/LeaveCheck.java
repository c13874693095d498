package shoal.swarm;

import java.util.List;
import java.util.Optional;
import shoal.manager.store.Store;
import shoal.manager.store.StoreException;
import shoal.manager.store.objects.NodeObject;

/** Why a manager may not leave without {@code --force}, in Docker's words. */
final class LeaveCheck {
  private LeaveCheck() {}

  /** The refusal for a manager whose store is {@code store} (empty: its manager half is not running). */
  static String refusal(Optional<Store> store, String selfId) {
    if (store.isEmpty()) {
      return refusal(-1, -1);
    }
    try {
      List<NodeObject.ManagerStatus> managers = store.get().viewLocal(tx -> tx.nodes().list().stream()
          .map(NodeObject::managerStatus).filter(s -> s != null).toList());
      int reachable = (int) managers.stream().filter(s -> s.reachability() == NodeObject.Reachability.REACHABLE).count();
      int unreachable = (int) managers.stream().filter(s -> s.reachability() == NodeObject.Reachability.UNREACHABLE).count();
      return refusal(reachable, unreachable);
    } catch (StoreException e) {
      return refusal(-1, -1);
    }
  }

  /**
   * The refusal given how many managers are reachable and unreachable (negative: not known).
   * Leaving costs the quorum when at most one reachable manager would stay beyond the unreachable
   * ones; the last manager's leave erases the swarm.
   */
  static String refusal(int reachable, int unreachable) {
    String msg = "You are attempting to leave the swarm on a node that is participating as a manager. ";
    if (reachable < 0) {
      msg += "Doing so may lose the consensus of your cluster. ";
    } else if (reachable - 2 <= unreachable) {
      if (reachable == 1 && unreachable == 0) {
        return msg + "Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. ";
      }
      msg += "Removing this node leaves " + (reachable - 1) + " managers out of " + (reachable + unreachable)
          + ". Without a Raft quorum your swarm will be inaccessible. ";
    }
    return msg + "The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message.";
  }
}
