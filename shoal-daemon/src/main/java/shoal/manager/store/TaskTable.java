package shoal.manager.store;

import java.util.List;
import shoal.manager.store.objects.Kind;
import shoal.manager.store.objects.TaskObject;

/**
 * The swarm's tasks. Verbs and their exceptions ({@link NotFoundException}, {@link
 * AlreadyExistsException}, {@link VersionConflictException}): {@link ObjectTable}.
 */
public final class TaskTable extends ObjectTable<TaskObject> {
  TaskTable(Tx tx) {
    super(tx, Kind.TASK, TaskObject.class);
  }

  /** The tasks of a service. */
  public List<TaskObject> ofService(String serviceId) {
    return list(t -> t.serviceId().equals(serviceId));
  }

  /** The tasks assigned to a node. */
  public List<TaskObject> onNode(String nodeId) {
    return list(t -> t.nodeId().equals(nodeId));
  }
}
