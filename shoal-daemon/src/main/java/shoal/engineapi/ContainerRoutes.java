package shoal.engineapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import shoal.engineapi.http.ApiExchange;
import shoal.engineapi.http.Router;
import shoal.errors.InvalidArgumentException;
import shoal.runtime.container.ContainerFilter;
import shoal.runtime.container.ContainerQuery;
import shoal.runtime.container.ContainerRecord;
import shoal.runtime.container.ContainerService;
import shoal.runtime.container.ContainerView;
import shoal.runtime.container.ProcessTable;

/** Docker's {@code /containers/...} endpoints. */
public final class ContainerRoutes {
  private static final long WAIT_POLL_MS = 500;

  private final ContainerService containers;
  private final ContainerStreams streams;
  private final Clock clock;

  public ContainerRoutes(ContainerService containers, Clock clock) {
    this.containers = containers;
    this.streams = new ContainerStreams(containers);
    this.clock = clock;
  }

  public void register(Router r) {
    r.post("/containers/create", this::create);
    r.get("/containers/json", this::list);
    r.post("/containers/prune", this::prune);
    r.get("/containers/{id}/json", this::inspect);
    r.post("/containers/{id}/start", ex -> ok(ex, () -> containers.start(id(ex))));
    r.post("/containers/{id}/stop", ex -> ok(ex, () -> containers.stop(id(ex), timeout(ex))));
    r.post("/containers/{id}/restart", ex -> ok(ex, () -> containers.restart(id(ex), timeout(ex))));
    r.post("/containers/{id}/kill", ex -> ok(ex, () -> containers.kill(id(ex), ex.query().get("signal", ""))));
    r.post("/containers/{id}/pause", ex -> ok(ex, () -> containers.pause(id(ex))));
    r.post("/containers/{id}/unpause", ex -> ok(ex, () -> containers.unpause(id(ex))));
    r.post("/containers/{id}/rename", ex -> ok(ex, () -> containers.rename(id(ex), ex.query().get("name", ""))));
    r.post("/containers/{id}/wait", this::waitFor);
    r.delete("/containers/{id}", this::remove);
    r.post("/containers/{id}/resize", this::resize);
    r.get("/containers/{id}/top", this::top);
    r.get("/containers/{id}/logs", streams::logs);
    r.post("/containers/{id}/attach", streams::attach);
  }

  private static String id(ApiExchange ex) {
    return ex.pathParam("id");
  }

  private interface Action {
    void run() throws Exception;
  }

  private static void ok(ApiExchange ex, Action a) throws Exception {
    a.run();
    ex.respondNoContent();
  }

  private static Integer timeout(ApiExchange ex) {
    return ex.query().get("t").map(v -> {
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw new InvalidArgumentException("invalid value for t: " + v);
      }
    }).orElse(null);
  }

  private void create(ApiExchange ex) {
    ContainerRequests.Create req = ContainerRequests.create(ex.bodyJson());
    ContainerRecord r = containers.create(ex.query().get("name", ""), req.config(), req.host(), req.networks());
    ObjectNode o = ex.json().createObjectNode();
    o.put("Id", r.id());
    o.putArray("Warnings");
    ex.respondJson(201, o);
  }

  private void list(ApiExchange ex) {
    ObjectMapper json = ex.json();
    Filters f = Filters.parse(ex.query().get("filters", ""), json).accept(ContainerFilter.KEYS);
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String k : ContainerFilter.KEYS) {
      if (f.has(k)) {
        filters.put(k, f.get(k));
      }
    }
    ContainerQuery q = new ContainerQuery(ex.query().bool("all", false), (int) ex.query().integer("limit", -1),
        ex.query().bool("size", false), filters);
    ArrayNode out = json.createArrayNode();
    for (ContainerView v : containers.list(q)) {
      out.add(ContainerJson.summary(json, v, clock.instant()));
    }
    ex.respondJson(200, out);
  }

  private void inspect(ApiExchange ex) {
    ContainerView v = containers.inspect(id(ex), ex.query().bool("size", false));
    ex.respondJson(200, ContainerJson.inspect(ex.json(), v, clock.instant()));
  }

  private void remove(ApiExchange ex) {
    containers.remove(id(ex), ex.query().bool("force", false), ex.query().bool("v", false));
    ex.respondNoContent();
  }

  private void prune(ApiExchange ex) {
    ObjectMapper json = ex.json();
    Filters f = Filters.parse(ex.query().get("filters", ""), json).accept(java.util.Set.of("label", "until"));
    List<String> deleted = new ArrayList<>();
    Map<String, List<String>> filters = new LinkedHashMap<>();
    if (f.has("label")) {
      filters.put("label", f.get("label"));
    }
    for (ContainerView v : containers.list(new ContainerQuery(true, -1, true, filters))) {
      ContainerRecord r = v.record();
      if (r.state().status().hasProcess() || r.state().status() == shoal.runtime.container.ContainerStatus.RESTARTING) {
        continue;
      }
      containers.remove(r.id(), false, false);
      deleted.add(r.id());
    }
    ObjectNode o = json.createObjectNode();
    ArrayNode d = o.putArray("ContainersDeleted");
    deleted.forEach(d::add);
    o.put("SpaceReclaimed", 0);
    ex.respondJson(200, o);
  }

  /**
   * Answers the headers at once (the docker CLI waits for them before it starts the container),
   * then the status when the condition is met.
   */
  private void waitFor(ApiExchange ex) throws Exception {
    CompletableFuture<Integer> done = containers.waitFor(id(ex), ex.query().get("condition", ""));
    try (OutputStream out = ex.stream(200, "application/json")) {
      while (!ex.clientGone().isDone()) {
        try {
          int code = done.get(WAIT_POLL_MS, TimeUnit.MILLISECONDS);
          ObjectNode o = ex.json().createObjectNode();
          o.put("StatusCode", code);
          o.putNull("Error");
          out.write(ex.json().writeValueAsBytes(o));
          out.write('\n');
          return;
        } catch (TimeoutException e) {
          // keep waiting while the client does
        }
      }
    }
  }

  private void resize(ApiExchange ex) throws Exception {
    int h = (int) ex.query().integer("h", 0);
    int w = (int) ex.query().integer("w", 0);
    containers.resize(id(ex), h, w);
    ex.respond(200, "text/plain; charset=utf-8", new byte[0]);
  }

  private void top(ApiExchange ex) {
    ProcessTable.Top t = containers.top(id(ex), ex.query().get("ps_args", ""));
    ObjectNode o = ex.json().createObjectNode();
    ArrayNode titles = o.putArray("Titles");
    t.titles().forEach(titles::add);
    ArrayNode procs = o.putArray("Processes");
    for (List<String> row : t.processes()) {
      ArrayNode a = procs.addArray();
      row.forEach(a::add);
    }
    ex.respondJson(200, o);
  }
}
