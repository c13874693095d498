package shoal.manager.store;

import shoal.manager.store.objects.Kind;

/** A create whose ID is taken, or a create or update whose name another object of the kind has. */
public final class AlreadyExistsException extends StoreException {
  private final Kind kind;
  private final String id;
  private final String name;

  /**
   * @param name the clashing name, or null when the ID clashes
   */
  public AlreadyExistsException(Kind kind, String id, String name) {
    super(name == null
        ? kind.word() + " " + id + " already exists"
        : kind.word() + " name \"" + name + "\" is already in use");
    this.kind = kind;
    this.id = id;
    this.name = name;
  }

  public Kind kind() {
    return kind;
  }

  /** The ID of the object being written. */
  public String id() {
    return id;
  }

  /** The name in use, or null when the ID was the clash. */
  public String name() {
    return name;
  }
}
