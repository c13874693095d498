package shoal.manager.store;

import java.time.Instant;
import java.util.List;

/**
 * The writes of one {@code Store.update}, the content of one Raft log entry; applied all or
 * nothing.
 *
 * @param proposedAt the proposer's clock, the createdAt/updatedAt of what the batch writes (taken
 *     from the entry so that every manager applies the same values)
 */
record Batch(Instant proposedAt, List<Action> actions) {
  Batch {
    actions = actions == null ? List.of() : List.copyOf(actions);
  }

  /** What is wrong with the batch's form, or null: checked before proposing and by the leader. */
  String formError() {
    if (proposedAt == null || actions.isEmpty()) {
      return "a batch needs a time and at least one action";
    }
    for (Action a : actions) {
      String error = a.formError();
      if (error != null) {
        return error;
      }
    }
    return null;
  }
}
