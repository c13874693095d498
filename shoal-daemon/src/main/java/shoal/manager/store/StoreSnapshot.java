package shoal.manager.store;

import java.util.List;
import org.apache.ratis.server.protocol.TermIndex;
import shoal.manager.store.objects.StoreObject;

/**
 * The whole store at one point of the log: what a snapshot file holds.
 *
 * @param applied the last log entry the objects include
 */
record StoreSnapshot(TermIndex applied, List<StoreObject> objects) {
  StoreSnapshot {
    objects = List.copyOf(objects);
  }

  /** The file's JSON body. */
  record Body(long term, long index, List<StoreObject> objects) {}

  Body body() {
    return new Body(applied.getTerm(), applied.getIndex(), objects);
  }

  static StoreSnapshot of(Body body) {
    return new StoreSnapshot(TermIndex.valueOf(body.term(), body.index()),
        body.objects() == null ? List.of() : body.objects());
  }
}
