package shoal.engineapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Set;
import shoal.engineapi.http.ApiExchange;
import shoal.engineapi.http.Router;
import shoal.manager.store.objects.TaskObject;
import shoal.swarm.SwarmService;
import shoal.swarm.TaskFilter;

/** {@code /tasks}, {@code /tasks/{id}}, {@code /tasks/{id}/logs}. */
public final class TaskRoutes {
  private static final Set<String> FILTERS = Set.of("desired-state", "id", "label", "name", "node", "service", "_up-to-date");

  private final SwarmService swarm;

  public TaskRoutes(SwarmService swarm) {
    this.swarm = swarm;
  }

  public void register(Router r) {
    r.get("/tasks", this::list);
    r.get("/tasks/{id}", this::inspect);
    r.get("/tasks/{id}/logs", this::logs);
  }

  private void list(ApiExchange ex) {
    Filters f = Filters.parse(ex.query().get("filters", ""), ex.json()).accept(FILTERS);
    TaskFilter filter = new TaskFilter(f.get("id"), f.get("name"), f.get("service"), f.get("node"),
        f.get("desired-state"), f.get("label"), f.get("_up-to-date").contains("true"));
    ArrayNode out = ex.json().createArrayNode();
    for (TaskObject t : swarm.tasks().list(filter)) {
      out.add(TaskJson.of(ex.json(), t));
    }
    ex.respondJson(200, out);
  }

  private void inspect(ApiExchange ex) {
    ex.respondJson(200, TaskJson.of(ex.json(), swarm.tasks().get(ex.pathParam("id"))));
  }

  private void logs(ApiExchange ex) throws Exception {
    TaskObject t = swarm.tasks().get(ex.pathParam("id"));
    SwarmLogs.stream(ex, swarm.services(), SwarmLogs.options(ex).addTaskIds(t.id()).build(),
        t.spec().containerSpec().tty());
  }
}
