package shoal.manager.store;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.StoreObject;

/**
 * What a watch sees, in apply order: one event per object a batch created, updated or deleted,
 * then a {@link Commit} for the batch.
 */
public sealed interface StoreEvent {
  /** An object was created; {@code object} carries the stored meta. */
  record Created(StoreObject object) implements ObjectEvent {}

  /** An object changed from {@code old} to {@code object}. */
  record Updated(StoreObject old, StoreObject object) implements ObjectEvent {}

  /** {@code old} was deleted. */
  record Deleted(StoreObject old) implements ObjectEvent {
    @Override
    public StoreObject object() {
      return old;
    }
  }

  /**
   * The end of one applied batch. A watch gets it only after at least one event of the batch that
   * its filter accepted.
   *
   * @param index the batch's Raft log index (the version of every object it wrote)
   */
  record Commit(long index) implements StoreEvent {}

  /** An event about one object. */
  sealed interface ObjectEvent extends StoreEvent permits Created, Updated, Deleted {
    /** The object as it is now, or as it was when deleted. */
    StoreObject object();

    default Kind kind() {
      return Kind.of(object());
    }
  }

  /** A filter accepting the events about objects of the given kinds. */
  static Predicate<StoreEvent> ofKind(Kind first, Kind... more) {
    Set<Kind> kinds = EnumSet.of(first, more);
    return e -> e instanceof ObjectEvent o && kinds.contains(o.kind());
  }

  /** A filter accepting every object event. */
  static Predicate<StoreEvent> all() {
    return e -> e instanceof ObjectEvent;
  }
}
