package shoal.manager.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.StoreObject;

/**
 * One transaction: a consistent read of the store plus, in {@code Store.update}, the writes staged
 * so far (which its own reads already see). Valid only inside the function it is handed to; not
 * thread-safe. Writes are checked here as they are staged (so mistakes fail early, with the same
 * exceptions) and again, authoritatively, when the batch is applied.
 */
public final class Tx {
  private record Key(Kind kind, String id) {}

  /** A staged write: the op the batch will carry for the key, and the object (null: deleted). */
  private record Staged(Action.Op op, long expectedVersion, StoreObject object) {}

  private final StoreState state;
  private final boolean writable;
  private final Map<Key, Staged> staged = new LinkedHashMap<>();

  Tx(StoreState state, boolean writable) {
    this.state = state;
    this.writable = writable;
  }

  public ClusterTable cluster() {
    return new ClusterTable(this);
  }

  public NodeTable nodes() {
    return new NodeTable(this);
  }

  public ServiceTable services() {
    return new ServiceTable(this);
  }

  public TaskTable tasks() {
    return new TaskTable(this);
  }

  public NetworkTable networks() {
    return new NetworkTable(this);
  }

  public AttachmentTable attachments() {
    return new AttachmentTable(this);
  }

  Optional<StoreObject> find(Kind kind, String id) {
    Staged s = staged.get(new Key(kind, id));
    return s != null ? Optional.ofNullable(s.object()) : state.get(kind, id);
  }

  List<StoreObject> list(Kind kind) {
    TreeMap<String, StoreObject> view = new TreeMap<>();
    state.all(kind).forEach(o -> view.put(o.id(), o));
    staged.forEach((key, s) -> {
      if (key.kind() == kind) {
        if (s.object() == null) {
          view.remove(key.id());
        } else {
          view.put(key.id(), s.object());
        }
      }
    });
    return new ArrayList<>(view.values());
  }

  Optional<StoreObject> findByName(Kind kind, String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (Map.Entry<Key, Staged> e : staged.entrySet()) {
      StoreObject o = e.getValue().object();
      if (e.getKey().kind() == kind && o != null && o.uniqueName() != null
          && o.uniqueName().toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(o);
      }
    }
    return state.idByName(kind, name)
        .filter(id -> !staged.containsKey(new Key(kind, id)))
        .flatMap(id -> state.get(kind, id));
  }

  void create(Kind kind, StoreObject object) {
    Key key = keyOf(kind, object);
    if (find(kind, object.id()).isPresent()) {
      throw new AlreadyExistsException(kind, object.id(), null);
    }
    checkName(kind, object);
    Staged before = staged.get(key);
    staged.put(key, before != null && before.op() == Action.Op.DELETE
        ? new Staged(Action.Op.UPDATE, before.expectedVersion(), object)
        : new Staged(Action.Op.CREATE, 0, object));
  }

  void update(Kind kind, StoreObject object) {
    Key key = keyOf(kind, object);
    StoreObject current = find(kind, object.id())
        .orElseThrow(() -> new NotFoundException(kind, object.id()));
    long version = current.meta().version();
    if (object.meta().version() != version) {
      throw new VersionConflictException(kind, object.id(), object.meta().version(), version);
    }
    checkName(kind, object);
    Staged before = staged.get(key);
    staged.put(key, before == null
        ? new Staged(Action.Op.UPDATE, version, object)
        : new Staged(before.op(), before.expectedVersion(), object));
  }

  void delete(Kind kind, String id) {
    checkWritable();
    Key key = new Key(kind, id);
    StoreObject current = find(kind, id).orElseThrow(() -> new NotFoundException(kind, id));
    Staged before = staged.get(key);
    if (before == null) {
      staged.put(key, new Staged(Action.Op.DELETE, current.meta().version(), null));
    } else if (before.op() == Action.Op.CREATE) {
      staged.remove(key);
    } else {
      staged.put(key, new Staged(Action.Op.DELETE, before.expectedVersion(), null));
    }
  }

  /** The batch's actions, in the order their objects were first written. */
  List<Action> actions() {
    List<Action> actions = new ArrayList<>(staged.size());
    staged.forEach((key, s) ->
        actions.add(new Action(s.op(), key.kind(), key.id(), s.expectedVersion(), s.object())));
    return actions;
  }

  private Key keyOf(Kind kind, StoreObject object) {
    checkWritable();
    if (object.id() == null || object.id().isBlank()) {
      throw new IllegalArgumentException("a " + kind.word() + " needs an id");
    }
    if (Kind.of(object) != kind) {
      throw new IllegalArgumentException("not a " + kind.word() + ": " + object);
    }
    return new Key(kind, object.id());
  }

  private void checkName(Kind kind, StoreObject object) {
    String name = object.uniqueName();
    if (kind.uniqueNames() && name != null) {
      findByName(kind, name)
          .filter(other -> !other.id().equals(object.id()))
          .ifPresent(other -> {
            throw new AlreadyExistsException(kind, object.id(), name);
          });
    }
  }

  private void checkWritable() {
    if (!writable) {
      throw new IllegalStateException("a view cannot write; use Store.update");
    }
  }
}
