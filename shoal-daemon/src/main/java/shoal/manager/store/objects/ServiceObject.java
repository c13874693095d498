package shoal.manager.store.objects;

import java.util.Map;

/** A swarm service. Minimal for now: issue 5 fleshes out the spec (add components, see StoreObject). */
public record ServiceObject(String id, Meta meta, Spec spec) implements StoreObject {
  public ServiceObject {
    meta = Meta.orNone(meta);
    spec = spec == null ? new Spec(null, null) : spec;
  }

  @Override
  public ServiceObject withMeta(Meta meta) {
    return new ServiceObject(id, meta, spec);
  }

  public ServiceObject withSpec(Spec spec) {
    return new ServiceObject(id, meta, spec);
  }

  @Override
  public String uniqueName() {
    return spec.name().isEmpty() ? null : spec.name();
  }

  public record Spec(String name, Map<String, String> labels) {
    public Spec {
      name = name == null ? "" : name;
      labels = Labels.copy(labels);
    }
  }
}
