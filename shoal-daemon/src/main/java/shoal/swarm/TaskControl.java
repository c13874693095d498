package shoal.swarm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.manager.store.Store;
import shoal.manager.store.Tx;
import shoal.manager.store.objects.ServiceObject;
import shoal.manager.store.objects.TaskObject;

/** {@code /tasks} on a manager: list with Docker's filters, and inspect. */
public final class TaskControl {
  private final Store store;

  TaskControl(Store store) {
    this.store = store;
  }

  /**
   * The tasks that match; a service or node given by name that does not exist is an error, as
   * in Docker.
   */
  public List<TaskObject> list(TaskFilter filter) {
    return StoreCalls.read(store, tx -> {
      List<String> services = new ArrayList<>();
      for (String s : filter.services()) {
        services.add(ServiceControl.resolve(tx, s).id());
      }
      List<String> nodes = new ArrayList<>();
      for (String n : filter.nodes()) {
        nodes.add(NodeControl.resolve(tx, n).id());
      }
      TaskFilter f = filter.resolved(services, nodes);
      List<TaskObject> tasks = tx.tasks().list(f::matches);
      return filter.upToDate() ? upToDate(tx, tasks) : tasks;
    });
  }

  /** Tasks whose spec is their service's current task template. */
  private static List<TaskObject> upToDate(Tx tx, List<TaskObject> tasks) {
    Map<String, ServiceObject> services = new HashMap<>();
    List<TaskObject> out = new ArrayList<>();
    for (TaskObject t : tasks) {
      ServiceObject s = services.computeIfAbsent(t.serviceId(), id -> tx.services().find(id).orElse(null));
      if (s != null && s.spec().taskTemplate().equals(t.spec())) {
        out.add(t);
      }
    }
    return out;
  }

  /** A task by ID or unique ID prefix. */
  public TaskObject get(String ref) {
    return StoreCalls.read(store, tx -> {
      if (ref == null || ref.isBlank()) {
        throw new InvalidArgumentException("a task ID or ID prefix is required");
      }
      var exact = tx.tasks().find(ref);
      if (exact.isPresent()) {
        return exact.get();
      }
      List<TaskObject> found = tx.tasks().list(t -> t.id().startsWith(ref));
      if (found.isEmpty()) {
        throw new NotFoundException("task " + ref + " not found");
      }
      if (found.size() > 1) {
        throw new InvalidArgumentException("task " + ref + " is ambiguous (" + found.size() + " matches found)");
      }
      return found.getFirst();
    });
  }
}
