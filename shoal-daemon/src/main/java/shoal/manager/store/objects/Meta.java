package shoal.manager.store.objects;

import java.time.Instant;

/**
 * Bookkeeping the store keeps on every object. The store sets it when a write is applied; what a
 * caller puts here is ignored except {@link #version}, which an update or delete must carry
 * unchanged from the object it read (compare-and-set).
 *
 * @param version the Raft log index of the object's last change (0 for an object not yet stored)
 * @param createdAt when the object was created (the proposer's clock, recorded in the log entry)
 * @param updatedAt when the object last changed
 */
public record Meta(long version, Instant createdAt, Instant updatedAt) {
  /** The meta of an object not yet stored. */
  public static final Meta NONE = new Meta(0, Instant.EPOCH, Instant.EPOCH);

  public Meta {
    createdAt = createdAt == null ? Instant.EPOCH : createdAt;
    updatedAt = updatedAt == null ? Instant.EPOCH : updatedAt;
  }

  static Meta orNone(Meta meta) {
    return meta == null ? NONE : meta;
  }
}
