package shoal.manager.store.objects;

import java.util.Map;

/** A swarm-scoped network. Minimal for now: issue 6 fleshes it out (see StoreObject). */
public record NetworkObject(String id, Meta meta, Spec spec) implements StoreObject {
  public NetworkObject {
    meta = Meta.orNone(meta);
    spec = spec == null ? new Spec(null, null, null) : spec;
  }

  @Override
  public NetworkObject withMeta(Meta meta) {
    return new NetworkObject(id, meta, spec);
  }

  public NetworkObject withSpec(Spec spec) {
    return new NetworkObject(id, meta, spec);
  }

  @Override
  public String uniqueName() {
    return spec.name().isEmpty() ? null : spec.name();
  }

  public record Spec(String name, String driver, Map<String, String> labels) {
    public Spec {
      name = name == null ? "" : name;
      driver = driver == null ? "overlay" : driver;
      labels = Labels.copy(labels);
    }
  }
}
