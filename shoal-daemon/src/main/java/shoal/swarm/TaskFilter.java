package shoal.swarm;

import java.util.List;
import java.util.Map;
import shoal.manager.store.objects.TaskObject;

/**
 * The filters of {@code GET /tasks}, as Docker applies them: every given filter must match;
 * within one filter, any of its values. Services and nodes may be given by name: {@link
 * TaskControl} resolves them to IDs first.
 *
 * @param ids task ID prefixes
 * @param names task name prefixes ({@code web.1.<id>})
 * @param services services (ID, name or ID prefix)
 * @param nodes nodes (ID, hostname or ID prefix)
 * @param desiredStates "running", "shutdown", "accepted" (Docker's words)
 * @param labels "key" or "key=value" on the task's labels
 * @param upToDate only tasks that run their service's current spec (the CLI's {@code _up-to-date})
 */
public record TaskFilter(
    List<String> ids, List<String> names, List<String> services, List<String> nodes,
    List<String> desiredStates, List<String> labels, boolean upToDate) {
  public static final TaskFilter NONE = new TaskFilter(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), false);

  /** Whether {@code t} matches, with services and nodes already resolved to IDs. */
  boolean matches(TaskObject t) {
    return (ids.isEmpty() || ids.stream().anyMatch(t.id()::startsWith))
        && (names.isEmpty() || names.stream().anyMatch(t.containerName()::startsWith))
        && (services.isEmpty() || services.contains(t.serviceId()))
        && (nodes.isEmpty() || nodes.contains(t.nodeId()))
        && (desiredStates.isEmpty() || desiredStates.contains(t.desiredState().name().toLowerCase()))
        && ServiceFilter.labelsMatch(labels, Map.of());
  }

  TaskFilter resolved(List<String> serviceIds, List<String> nodeIds) {
    return new TaskFilter(ids, names, serviceIds, nodeIds, desiredStates, labels, upToDate);
  }
}
