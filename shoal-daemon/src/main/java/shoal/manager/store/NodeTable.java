package shoal.manager.store;

import java.util.List;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.NodeObject;

/**
 * The swarm's nodes. Node names need not be unique (two hosts may share a hostname). Verbs and
 * their exceptions ({@link NotFoundException}, {@link AlreadyExistsException}, {@link
 * VersionConflictException}): {@link ObjectTable}.
 */
public final class NodeTable extends ObjectTable<NodeObject> {
  NodeTable(Tx tx) {
    super(tx, Kind.NODE, NodeObject.class);
  }

  /** The nodes that have this role now. */
  public List<NodeObject> withRole(NodeObject.Role role) {
    return list(n -> n.role() == role);
  }
}
