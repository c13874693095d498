package shoal.engineapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Set;
import shoal.engineapi.http.ApiExchange;
import shoal.engineapi.http.Router;
import shoal.manager.store.objects.NodeObject;
import shoal.swarm.NodeControl;
import shoal.swarm.NodeFilter;
import shoal.swarm.SwarmService;

/** {@code /nodes}, {@code /nodes/{id}}, {@code /nodes/{id}/update}. */
public final class NodeRoutes {
  private static final Set<String> FILTERS = Set.of("id", "label", "membership", "name", "node.label", "role");

  private final SwarmService swarm;

  public NodeRoutes(SwarmService swarm) {
    this.swarm = swarm;
  }

  public void register(Router r) {
    r.get("/nodes", this::list);
    r.get("/nodes/{id}", this::inspect);
    r.post("/nodes/{id}/update", this::update);
    r.delete("/nodes/{id}", this::remove);
  }

  private void list(ApiExchange ex) {
    Filters f = Filters.parse(ex.query().get("filters", ""), ex.json()).accept(FILTERS);
    NodeControl nodes = swarm.nodes();
    NodeFilter filter = new NodeFilter(f.get("id"), f.get("name"), f.get("role"), f.get("membership"),
        f.get("label"), f.get("node.label"));
    String root = nodes.trustRoot();
    ArrayNode out = ex.json().createArrayNode();
    for (NodeObject n : nodes.list(filter)) {
      out.add(NodeJson.of(ex.json(), n, root));
    }
    ex.respondJson(200, out);
  }

  private void inspect(ApiExchange ex) {
    NodeControl nodes = swarm.nodes();
    ex.respondJson(200, NodeJson.of(ex.json(), nodes.get(ex.pathParam("id")), nodes.trustRoot()));
  }

  private void update(ApiExchange ex) {
    long version = SwarmRoutes.version(ex, "node");
    swarm.nodes().update(ex.pathParam("id"), version, NodeJson.specOf(ex.bodyJson()));
    ex.respond(200, null, new byte[0]);
  }

  private void remove(ApiExchange ex) {
    swarm.nodes().remove(ex.pathParam("id"), ex.query().bool("force", false));
    ex.respond(200, null, new byte[0]);
  }
}
