package shoal.engineapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Set;
import shoal.engineapi.http.ApiExchange;
import shoal.engineapi.http.Router;
import shoal.manager.store.objects.ServiceObject;
import shoal.swarm.ServiceControl;
import shoal.swarm.ServiceFilter;
import shoal.swarm.SwarmService;

/**
 * {@code /services}, {@code /services/create}, {@code /services/{id}}, {@code
 * /services/{id}/update}, {@code DELETE /services/{id}}, {@code /services/{id}/logs}.
 */
public final class ServiceRoutes {
  private static final Set<String> FILTERS = Set.of("id", "label", "mode", "name");

  private final SwarmService swarm;

  public ServiceRoutes(SwarmService swarm) {
    this.swarm = swarm;
  }

  public void register(Router r) {
    r.get("/services", this::list);
    r.post("/services/create", this::create);
    r.get("/services/{id}", this::inspect);
    r.post("/services/{id}/update", this::update);
    r.delete("/services/{id}", this::remove);
    r.get("/services/{id}/logs", this::logs);
  }

  private void list(ApiExchange ex) {
    Filters f = Filters.parse(ex.query().get("filters", ""), ex.json()).accept(FILTERS);
    ServiceFilter filter = new ServiceFilter(f.get("id"), f.get("name"), f.get("mode"), f.get("label"));
    ArrayNode out = ex.json().createArrayNode();
    for (ServiceControl.Listed s : swarm.services().list(filter, ex.query().bool("status", false))) {
      out.add(ServiceJson.of(ex.json(), s.service(), s.status()));
    }
    ex.respondJson(200, out);
  }

  private void create(ApiExchange ex) {
    String id = swarm.services().create(ServiceJson.specOf(ex.bodyJson()));
    ex.respondJson(201, ex.json().createObjectNode().put("ID", id));
  }

  private void inspect(ApiExchange ex) {
    ex.respondJson(200, ServiceJson.of(ex.json(), swarm.services().get(ex.pathParam("id")), null));
  }

  private void update(ApiExchange ex) {
    long version = SwarmRoutes.version(ex, "service");
    boolean rollback = "previous".equals(ex.query().get("rollback", ""));
    ServiceControl services = swarm.services();
    services.update(ex.pathParam("id"), version, rollback ? null : ServiceJson.specOf(ex.bodyJson()), rollback);
    ex.respondJson(200, ex.json().createObjectNode().putNull("Warnings"));
  }

  private void remove(ApiExchange ex) {
    swarm.services().remove(ex.pathParam("id"));
    ex.respond(200, null, new byte[0]);
  }

  private void logs(ApiExchange ex) throws Exception {
    ServiceControl services = swarm.services();
    ServiceObject s = services.get(ex.pathParam("id"));
    SwarmLogs.stream(ex, services, SwarmLogs.options(ex).addServiceIds(s.id()).build(),
        s.spec().taskTemplate().containerSpec().tty());
  }
}
