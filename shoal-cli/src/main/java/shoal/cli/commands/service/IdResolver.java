package shoal.cli.commands.service;

import java.util.HashMap;
import java.util.Map;
import shoal.cli.api.ApiException;
import shoal.cli.api.EngineClient;
import shoal.cli.api.Paths;
import shoal.cli.api.Query;
import shoal.cli.json.Jv;

/**
 * Node and service IDs to the names people know (docker's idresolver), each asked once; an ID the
 * daemon cannot resolve is shown as it is. With {@code noResolve} every ID stays an ID.
 */
final class IdResolver {
  private final EngineClient api;
  private final boolean noResolve;
  private final Map<String, String> cache = new HashMap<>();

  IdResolver(EngineClient api, boolean noResolve) {
    this.api = api;
    this.noResolve = noResolve;
  }

  /** The node's name if it has one, else its hostname. */
  String node(String id) {
    if (noResolve || id.isEmpty()) {
      return id;
    }
    return cache.computeIfAbsent("node/" + id, k -> {
      try {
        Object n = api.get("/nodes/" + Paths.seg(id), null);
        String name = Jv.str(n, "Spec", "Name");
        String host = Jv.str(n, "Description", "Hostname");
        return !name.isEmpty() ? name : !host.isEmpty() ? host : id;
      } catch (ApiException e) {
        return id;
      }
    });
  }

  String service(String id) {
    if (noResolve || id.isEmpty()) {
      return id;
    }
    return cache.computeIfAbsent("service/" + id, k -> {
      try {
        return Jv.str(api.get("/services/" + Paths.seg(id), Query.of().add("insertDefaults", "false")), "Spec", "Name");
      } catch (ApiException e) {
        return id;
      }
    });
  }
}
