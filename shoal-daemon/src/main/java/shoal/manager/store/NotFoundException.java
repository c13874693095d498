package shoal.manager.store;

import shoal.manager.store.objects.Kind;

/** A get, update or delete of an object that does not exist. */
public final class NotFoundException extends StoreException {
  private final Kind kind;
  private final String id;

  public NotFoundException(Kind kind, String id) {
    super(kind.word() + " " + id + " not found");
    this.kind = kind;
    this.id = id;
  }

  public Kind kind() {
    return kind;
  }

  public String id() {
    return id;
  }
}
