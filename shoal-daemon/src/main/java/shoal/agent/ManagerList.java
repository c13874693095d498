package shoal.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The managers this node knows (cluster addresses, host:port), in the order to try them: the one a
 * manager named as leader first, then round robin. The leader's dispatcher keeps the list current;
 * {@code onChange} persists it so that a restarted node knows where to go.
 */
public final class ManagerList {
  private final Consumer<List<String>> onChange;
  // Guards addrs, preferred and cursor.
  private final Object lock = new Object();
  private List<String> addrs;
  private String preferred;
  private int cursor;

  public ManagerList(List<String> initial, Consumer<List<String>> onChange) {
    this.addrs = List.copyOf(initial);
    this.onChange = onChange;
  }

  public List<String> all() {
    synchronized (lock) {
      return addrs;
    }
  }

  /** The manager to dial next; empty list gives null. */
  String next() {
    synchronized (lock) {
      if (preferred != null) {
        String p = preferred;
        preferred = null;
        return p;
      }
      if (addrs.isEmpty()) {
        return null;
      }
      return addrs.get(Math.floorMod(cursor++, addrs.size()));
    }
  }

  /** Dial {@code addr} next (a manager said it leads). */
  void prefer(String addr) {
    synchronized (lock) {
      preferred = addr;
    }
  }

  /** The list as the leader sent it, leader first. */
  void update(List<String> fromLeader) {
    if (fromLeader.isEmpty()) {
      return;
    }
    List<String> next = List.copyOf(new ArrayList<>(fromLeader));
    synchronized (lock) {
      if (next.equals(addrs)) {
        return;
      }
      addrs = next;
      cursor = 0;
    }
    onChange.accept(next);
  }
}
