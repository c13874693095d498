package shoal.manager.store;

import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.StoreObject;

/**
 * One write of a batch.
 *
 * @param expectedVersion for UPDATE and DELETE, the version the stored object must have
 * @param object for CREATE and UPDATE, the new object (its meta is replaced when applied)
 */
record Action(Op op, Kind kind, String id, long expectedVersion, StoreObject object) {
  enum Op { CREATE, UPDATE, DELETE }

  /** What is wrong with the action's form (without looking at the store), or null. */
  String formError() {
    if (op == null || kind == null || id == null || id.isBlank()) {
      return "an action needs an op, a kind and an id";
    }
    if (op == Op.DELETE) {
      return object == null ? null : "a delete carries no object";
    }
    if (object == null || !id.equals(object.id()) || Kind.of(object) != kind) {
      return "the object of " + op + " " + kind.word() + " " + id + " has another id or kind";
    }
    return null;
  }
}
