package shoal.manager.store;

import shoal.manager.store.objects.Kind;

/**
 * An update or delete of an object that changed since the caller read it: the version it carried
 * is not the stored one. Read the object again and redo the change.
 */
public final class VersionConflictException extends StoreException {
  private final Kind kind;
  private final String id;
  private final long expected;
  private final long actual;

  public VersionConflictException(Kind kind, String id, long expected, long actual) {
    super("update out of sequence: " + kind.word() + " " + id + " is at version " + actual
        + ", not " + expected);
    this.kind = kind;
    this.id = id;
    this.expected = expected;
    this.actual = actual;
  }

  public Kind kind() {
    return kind;
  }

  public String id() {
    return id;
  }

  /** The version the write carried. */
  public long expected() {
    return expected;
  }

  /** The stored version. */
  public long actual() {
    return actual;
  }
}
