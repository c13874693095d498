package shoal.manager.store.objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An object of the replicated store. Every kind is an immutable record with an {@code id} and a
 * {@link Meta}; a change is a new record made with the record's {@code with…} methods.
 *
 * <p>Objects travel as JSON (Raft log entries, snapshots). To add a field, add a record component
 * and make the compact constructor give it a default when it is null: entries written before the
 * field existed still decode, and unknown fields are ignored on read.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ClusterObject.class, name = "cluster"),
  @JsonSubTypes.Type(value = NodeObject.class, name = "node"),
  @JsonSubTypes.Type(value = ServiceObject.class, name = "service"),
  @JsonSubTypes.Type(value = TaskObject.class, name = "task"),
  @JsonSubTypes.Type(value = NetworkObject.class, name = "network"),
  @JsonSubTypes.Type(value = AttachmentObject.class, name = "attachment")
})
public sealed interface StoreObject
    permits ClusterObject, NodeObject, ServiceObject, TaskObject, NetworkObject,
        AttachmentObject {
  String id();

  Meta meta();

  StoreObject withMeta(Meta meta);

  /** The name that must be unique among objects of the kind, or null (no name, or not unique). */
  @JsonIgnore
  default String uniqueName() {
    return null;
  }
}
