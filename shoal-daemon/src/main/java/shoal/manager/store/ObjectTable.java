package shoal.manager.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.StoreObject;

/**
 * The verbs on the objects of one kind within a {@link Tx}. Reads see the transaction's own staged
 * writes. Writes are staged (checked now, applied atomically when the update's function returns);
 * in a view they throw {@link IllegalStateException}.
 */
public abstract sealed class ObjectTable<T extends StoreObject>
    permits ClusterTable, NodeTable, ServiceTable, TaskTable, NetworkTable, AttachmentTable {
  private final Tx tx;
  private final Kind kind;
  private final Class<T> type;

  ObjectTable(Tx tx, Kind kind, Class<T> type) {
    this.tx = tx;
    this.kind = kind;
    this.type = type;
  }

  /**
   * The object with this ID.
   *
   * @throws NotFoundException if there is none
   */
  public T get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException(kind, id));
  }

  /** The object with this ID, if any. */
  public Optional<T> find(String id) {
    return tx.find(kind, id).map(type::cast);
  }

  /** Every object of the kind, ordered by ID. */
  public List<T> list() {
    return tx.list(kind).stream().map(type::cast).toList();
  }

  /** The objects of the kind that pass the filter, ordered by ID. */
  public List<T> list(Predicate<? super T> filter) {
    return list().stream().filter(filter).toList();
  }

  /**
   * Stages the creation of an object (its meta is set when applied).
   *
   * @throws AlreadyExistsException if the ID is taken, or the kind keeps names unique and the name
   *     is taken (case-insensitively)
   */
  public void create(T object) {
    tx.create(kind, object);
  }

  /**
   * Stages a change. The object must carry the meta of the version it was derived from.
   *
   * @throws NotFoundException if no object has its ID
   * @throws VersionConflictException if the stored object's version is not the one it carries
   * @throws AlreadyExistsException if it takes a unique name another object has
   */
  public void update(T object) {
    tx.update(kind, object);
  }

  /**
   * Stages the deletion of an object (of the version this transaction sees).
   *
   * @throws NotFoundException if no object has this ID
   */
  public void delete(String id) {
    tx.delete(kind, id);
  }

  /** For kinds with unique names: the object with this name (case-insensitive), if any. */
  Optional<T> findByName(String name) {
    return tx.findByName(kind, name).map(type::cast);
  }
}
