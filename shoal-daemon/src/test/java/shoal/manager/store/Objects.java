package shoal.manager.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import shoal.manager.store.objects.NodeObject;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.ServiceSpec;
import shoal.manager.store.objects.StoreObject;

/** Small objects and batches for store tests. */
final class Objects {
  static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

  private Objects() {}

  static NodeObject node(String id) {
    return node(id, "host-" + id);
  }

  static NodeObject node(String id, String name) {
    return new NodeObject(id, null, new NodeObject.Spec(name, Map.of(), null, null), null, null,
        null, null, null);
  }

  static ServiceObject service(String id, String name) {
    return ServiceObject.of(id, ServiceSpec.of(name, null));
  }

  static Action create(StoreObject o) {
    return new Action(Action.Op.CREATE, shoal.manager.store.objects.Kind.of(o), o.id(), 0, o);
  }

  static Action update(StoreObject o, long expectedVersion) {
    return new Action(Action.Op.UPDATE, shoal.manager.store.objects.Kind.of(o), o.id(),
        expectedVersion, o);
  }

  static Action delete(StoreObject o, long expectedVersion) {
    return new Action(Action.Op.DELETE, shoal.manager.store.objects.Kind.of(o), o.id(),
        expectedVersion, null);
  }

  static Batch batch(Action... actions) {
    return new Batch(T0, List.of(actions));
  }
}
