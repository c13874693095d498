package shoal.engineapi;

import shoal.engineapi.http.ApiExchange;
import shoal.engineapi.http.Router;
import shoal.errors.InvalidArgumentException;
import shoal.swarm.SwarmService;

/** {@code /swarm}, {@code /swarm/init}, {@code /swarm/join}, {@code /swarm/leave}, {@code /swarm/update}; and the Swarm section of {@code /info}. */
public final class SwarmRoutes {
  private final SwarmService swarm;

  public SwarmRoutes(SwarmService swarm) {
    this.swarm = swarm;
  }

  public void register(Router r) {
    r.get("/swarm", this::inspect);
    r.post("/swarm/init", this::init);
    r.post("/swarm/join", this::join);
    r.post("/swarm/leave", this::leave);
    r.post("/swarm/update", this::update);
  }

  /** What this node adds to {@code /info}. */
  public InfoContributor info() {
    return i -> i.set("Swarm", SwarmJson.info(Json.mapper(), swarm.info()));
  }

  private void inspect(ApiExchange ex) {
    ex.respondJson(200, SwarmJson.swarm(ex.json(), swarm.cluster().inspect()));
  }

  private void init(ApiExchange ex) {
    ex.respondJson(200, swarm.init(SwarmJson.initRequest(ex.bodyJson())));
  }

  private void join(ApiExchange ex) {
    swarm.join(SwarmJson.joinRequest(ex.bodyJson()));
    ex.respond(200, null, new byte[0]);
  }

  private void leave(ApiExchange ex) {
    swarm.leave(ex.query().bool("force", false));
    ex.respond(200, null, new byte[0]);
  }

  private void update(ApiExchange ex) {
    long version = version(ex, "swarm");
    swarm.cluster().update(version, SwarmJson.specOf(ex.bodyJson()),
        ex.query().bool("rotateWorkerToken", false), ex.query().bool("rotateManagerToken", false));
    ex.respond(200, null, new byte[0]);
  }

  /** The {@code version} query parameter an update must carry, in Docker's words when it is bad. */
  static long version(ApiExchange ex, String what) {
    String raw = ex.query().get("version", "");
    try {
      long v = Long.parseLong(raw);
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new InvalidArgumentException("invalid " + what + " version '" + raw + "': a non-negative integer is required");
  }
}
