package shoal.manager.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** The open watches; the apply thread hands each batch's events to all of them, in order. */
final class Watchers {
  private final CopyOnWriteArrayList<Watch> watches = new CopyOnWriteArrayList<>();

  Watch open(Predicate<StoreEvent> filter) {
    Watch[] self = new Watch[1];
    self[0] = new Watch(filter, () -> watches.remove(self[0]));
    watches.add(self[0]);
    return self[0];
  }

  void publish(List<StoreEvent> batch) {
    for (Watch w : watches) {
      w.offer(batch);
    }
  }

  void closeAll(String reason) {
    for (Watch w : watches) {
      w.end(reason);
    }
  }
}
