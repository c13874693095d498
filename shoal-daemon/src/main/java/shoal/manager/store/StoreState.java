package shoal.manager.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import shoal.manager.store.BatchResult.Failure;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.Meta;
import shoal.manager.store.objects.StoreObject;

/**
 * Every object of the store, in memory, with the name index. Not thread-safe: the state machine
 * guards it. {@link #apply} is the deterministic heart of the replicated store: the same batches at
 * the same indexes give the same state on every manager.
 */
final class StoreState {
  private final Map<Kind, TreeMap<String, StoreObject>> byId = new EnumMap<>(Kind.class);
  // Lower-cased unique name → id, for the kinds with unique names.
  private final Map<Kind, Map<String, String>> idByName = new EnumMap<>(Kind.class);

  StoreState() {
    for (Kind k : Kind.values()) {
      byId.put(k, new TreeMap<>());
      idByName.put(k, new HashMap<>());
    }
  }

  Optional<StoreObject> get(Kind kind, String id) {
    return Optional.ofNullable(byId.get(kind).get(id));
  }

  /** The objects of a kind, ordered by ID; a live view, read it under the state's lock. */
  Collection<StoreObject> all(Kind kind) {
    return byId.get(kind).values();
  }

  Optional<String> idByName(Kind kind, String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(idByName.get(kind).get(key(name)));
  }

  List<StoreObject> objects() {
    List<StoreObject> all = new ArrayList<>();
    byId.values().forEach(m -> all.addAll(m.values()));
    return all;
  }

  /** Outcome of {@link #apply}: the events to publish (commit last), or why nothing changed. */
  record Applied(List<StoreEvent> events, Failure failure) {}

  /**
   * Applies a batch all or nothing. A batch that does not fit the state (an ID or name taken, an
   * object missing, a version that moved on) changes nothing and is answered with a {@link
   * Failure}: it is the proposer's problem, never this manager's, so nothing is thrown.
   */
  Applied apply(Batch batch, long index) {
    String formError = batch.formError();
    if (formError != null) {
      return new Applied(List.of(), Failure.invalid(formError));
    }
    List<StoreObject[]> undo = new ArrayList<>(); // each {before, after} of one step
    List<StoreEvent> events = new ArrayList<>();
    Failure failure = null;
    try {
      for (Action a : batch.actions()) {
        failure = applyOne(a, index, batch.proposedAt(), undo, events);
        if (failure != null) {
          break;
        }
      }
    } catch (RuntimeException e) {
      // A bug in an object's code (say a record constructor) must not halt every manager, which
      // replay the same entry and would fail the same way: the batch fails instead.
      failure = Failure.invalid("the batch cannot be applied: " + e);
    }
    if (failure != null) {
      for (int i = undo.size() - 1; i >= 0; i--) {
        restore(undo.get(i)[0], undo.get(i)[1]);
      }
      return new Applied(List.of(), failure);
    }
    events.add(new StoreEvent.Commit(index));
    return new Applied(List.copyOf(events), null);
  }

  private Failure applyOne(
      Action a, long index, Instant at, List<StoreObject[]> undo, List<StoreEvent> events) {
    StoreObject current = byId.get(a.kind()).get(a.id());
    if (a.op() == Action.Op.CREATE) {
      if (current != null) {
        return Failure.of(BatchResult.Code.ALREADY_EXISTS, a.kind(), a.id());
      }
    } else if (current == null) {
      return Failure.of(BatchResult.Code.NOT_FOUND, a.kind(), a.id());
    } else if (current.meta().version() != a.expectedVersion()) {
      return Failure.conflict(a.kind(), a.id(), a.expectedVersion(), current.meta().version());
    }
    if (a.op() == Action.Op.DELETE) {
      remove(current);
      undo.add(new StoreObject[] {current, null});
      events.add(new StoreEvent.Deleted(current));
      return null;
    }
    String name = a.object().uniqueName();
    if (a.kind().uniqueNames() && name != null) {
      Optional<String> owner = idByName(a.kind(), name);
      if (owner.isPresent() && !owner.get().equals(a.id())) {
        return Failure.nameInUse(a.kind(), a.id(), name);
      }
    }
    Instant created = current == null ? at : current.meta().createdAt();
    StoreObject stored = a.object().withMeta(new Meta(index, created, at));
    if (current != null) {
      remove(current);
    }
    put(stored);
    undo.add(new StoreObject[] {current, stored});
    events.add(current == null
        ? new StoreEvent.Created(stored)
        : new StoreEvent.Updated(current, stored));
    return null;
  }

  /** Undoes one step: {@code after} goes, {@code before} (if any) comes back. */
  private void restore(StoreObject before, StoreObject after) {
    if (after != null) {
      remove(after);
    }
    if (before != null) {
      put(before);
    }
  }

  /** Replaces the whole state (snapshot load) and returns the events that lead from old to new. */
  List<StoreEvent> replaceAll(Collection<StoreObject> objects, long index) {
    StoreState next = new StoreState();
    objects.forEach(next::put);
    List<StoreEvent> events = new ArrayList<>();
    for (Kind k : Kind.values()) {
      TreeMap<String, StoreObject> before = byId.get(k);
      TreeMap<String, StoreObject> after = next.byId.get(k);
      before.forEach((id, old) -> {
        StoreObject now = after.get(id);
        if (now == null) {
          events.add(new StoreEvent.Deleted(old));
        } else if (!now.equals(old)) {
          events.add(new StoreEvent.Updated(old, now));
        }
      });
      after.forEach((id, now) -> {
        if (!before.containsKey(id)) {
          events.add(new StoreEvent.Created(now));
        }
      });
      byId.put(k, after);
      idByName.put(k, next.idByName.get(k));
    }
    if (!events.isEmpty()) {
      events.add(new StoreEvent.Commit(index));
    }
    return events;
  }

  private void put(StoreObject o) {
    Kind k = Kind.of(o);
    byId.get(k).put(o.id(), o);
    if (k.uniqueNames() && o.uniqueName() != null) {
      idByName.get(k).put(key(o.uniqueName()), o.id());
    }
  }

  private void remove(StoreObject o) {
    Kind k = Kind.of(o);
    byId.get(k).remove(o.id());
    if (k.uniqueNames() && o.uniqueName() != null) {
      idByName.get(k).remove(key(o.uniqueName()), o.id());
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
