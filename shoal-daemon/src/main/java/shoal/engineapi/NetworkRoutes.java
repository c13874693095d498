package shoal.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import shoal.engineapi.http.ApiExchange;
import shoal.engineapi.http.Router;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.net.ContainerAttachments;
import shoal.net.Network;
import shoal.net.NetworkCreateRequest;
import shoal.net.NetworkService;
import shoal.swarm.SwarmNetworks;

/** {@code /networks…}: list, inspect, create, remove, connect, disconnect, prune. */
public final class NetworkRoutes {
  private final NetworkService networks;
  private final ContainerAttachments attachments;
  // Null when the daemon has no swarm side (the node's swarm networks are then not shown).
  private final SwarmNetworkRoutes swarm;

  public NetworkRoutes(NetworkService networks, ContainerAttachments attachments) {
    this(networks, attachments, null);
  }

  public NetworkRoutes(NetworkService networks, ContainerAttachments attachments, SwarmNetworks swarm) {
    this.networks = networks;
    this.attachments = attachments;
    this.swarm = swarm == null ? null : new SwarmNetworkRoutes(swarm, networks);
  }

  public void register(Router r) {
    r.get("/networks", this::list);
    r.post("/networks/create", this::create);
    r.post("/networks/prune", this::prune);
    r.get("/networks/{id}", this::inspect);
    r.delete("/networks/{id}", this::remove);
    r.post("/networks/{id}/connect", this::connect);
    r.post("/networks/{id}/disconnect", this::disconnect);
  }

  private void list(ApiExchange ex) {
    ObjectMapper json = ex.json();
    Filters f = Filters.parse(ex.query().get("filters", ""), json)
        .accept(Set.of("driver", "id", "label", "name", "scope", "type", "dangling"));
    Predicate<Network> match = listFilter(f);
    var out = json.createArrayNode();
    for (Network n : networks.list()) {
      if (match.test(n)) {
        out.add(NetworkJson.of(json, n, List.of()));
      }
    }
    if (swarm != null) {
      swarm.list(json, f, out);
    }
    ex.respondJson(200, out);
  }

  private Predicate<Network> listFilter(Filters f) {
    for (String t : f.get("type")) {
      if (!t.equals("custom") && !t.equals("builtin")) {
        throw new InvalidArgumentException("invalid filter: 'type'='" + t + "'");
      }
    }
    Boolean dangling = null;
    if (f.has("dangling")) {
      String v = f.get("dangling").getFirst();
      if (!Set.of("true", "1", "false", "0").contains(v)) {
        throw new InvalidArgumentException("invalid filter 'dangling=" + v + "'");
      }
      dangling = v.equals("true") || v.equals("1");
    }
    Boolean wantDangling = dangling;
    return n -> f.matchesExact("driver", n.driver())
        && f.matchesExact("scope", "local")
        && f.matchesAny("name", v -> matches(v, n.name()))
        && f.matchesAny("id", v -> matches(v, n.id()))
        && f.matchesAny("type", v -> v.equals(n.predefined() ? "builtin" : "custom"))
        && f.matchesLabels(n.labels())
        && (wantDangling == null || wantDangling == isDangling(n));
  }

  private boolean isDangling(Network n) {
    return !n.predefined() && networks.attached(n).isEmpty();
  }

  /** Docker's filter match: equal, or the value as a regular expression found in the text. */
  static boolean matches(String value, String text) {
    if (value.equals(text)) {
      return true;
    }
    try {
      return Pattern.compile(value).matcher(text).find();
    } catch (PatternSyntaxException e) {
      return text.contains(value);
    }
  }

  private void inspect(ApiExchange ex) {
    String ref = ex.pathParam("id");
    String scope = ex.query().get("scope", "");
    if (swarm != null && !scope.equals("local")) {
      boolean verbose = Set.of("1", "true").contains(ex.query().get("verbose", "false"));
      var found = scope.equals("swarm") || findLocal(ref) == null
          ? swarm.inspect(ex.json(), ref, verbose) : java.util.Optional.<ObjectNode>empty();
      if (found.isPresent()) {
        ex.respondJson(200, found.get());
        return;
      }
      if (scope.equals("swarm")) {
        throw new NotFoundException("network " + ref + " not found");
      }
    }
    Network n = networks.find(ref);
    ex.respondJson(200, NetworkJson.of(ex.json(), n, networks.attached(n)));
  }

  /** The local network, or null (its absence is not an error while swarm networks are looked at too). */
  private Network findLocal(String ref) {
    try {
      return networks.find(ref);
    } catch (NotFoundException e) {
      return null;
    }
  }

  private void create(ApiExchange ex) {
    NetworkCreateRequest request = NetworkJson.createRequest(ex.bodyJson());
    if (swarm != null && swarm.isSwarm(request)) {
      ex.respondJson(201, Map.of("Id", swarm.create(request), "Warning", ""));
      return;
    }
    if (swarm != null) {
      swarm.checkLocalName(request.name());
    }
    Network n = networks.create(request);
    ex.respondJson(201, Map.of("Id", n.id(), "Warning", ""));
  }

  private void remove(ApiExchange ex) {
    String ref = ex.pathParam("id");
    if (swarm == null || findLocal(ref) != null || !swarm.remove(ref)) {
      networks.remove(ref);
    }
    ex.respondNoContent();
  }

  private void connect(ApiExchange ex) {
    String name = networkName(ex.pathParam("id"));
    JsonNode body = ex.bodyJson();
    String container = body == null ? "" : NetworkJson.text(body, "Container");
    if (container.isEmpty()) {
      throw new InvalidArgumentException("no container given to connect to network " + name);
    }
    attachments.connect(container, name, NetworkJson.endpointSpec(body.get("EndpointConfig")));
    ex.respond(200, null, new byte[0]);
  }

  private void disconnect(ApiExchange ex) {
    String name = networkName(ex.pathParam("id"));
    JsonNode body = ex.bodyJson();
    String container = body == null ? "" : NetworkJson.text(body, "Container");
    if (container.isEmpty()) {
      throw new InvalidArgumentException("no container given to disconnect from network " + name);
    }
    attachments.disconnect(container, name, body.path("Force").asBoolean(false));
    ex.respond(200, null, new byte[0]);
  }

  /**
   * The name a container records a network under: a local network's, else a swarm network's
   * this node shows, else the reference as given (a worker learns of an attachable network only
   * when it attaches to it).
   */
  private String networkName(String ref) {
    Network n = findLocal(ref);
    if (n != null) {
      return n.name();
    }
    if (swarm == null) {
      throw new NotFoundException("network " + ref + " not found");
    }
    return swarm.nameOf(ref).orElse(ref);
  }

  private void prune(ApiExchange ex) {
    Filters f = Filters.parse(ex.query().get("filters", ""), ex.json()).accept(Set.of("until", "label", "label!"));
    long untilNanos = f.has("until") ? untilNanos(f.get("until").getFirst()) : Long.MAX_VALUE;
    List<String> deleted = networks.prune(n ->
        createdNanos(n) < untilNanos
            && f.matchesLabels(n.labels())
            && f.get("label!").stream().noneMatch(l -> hasLabel(l, n.labels())));
    if (swarm != null) {
      deleted = new java.util.ArrayList<>(deleted);
      deleted.addAll(swarm.prune(f, untilNanos));
    }
    ex.respondJson(200, Map.of("NetworksDeleted", deleted));
  }

  /** {@code key} (present) or {@code key=value}. */
  static boolean hasLabel(String want, Map<String, String> labels) {
    int eq = want.indexOf('=');
    return eq < 0 ? labels.containsKey(want) : want.substring(eq + 1).equals(labels.get(want.substring(0, eq)));
  }

  private static long createdNanos(Network n) {
    Instant t = Instant.parse(n.created());
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  /** {@code until}: a timestamp, or a Go duration before now such as 24h or 90m. */
  static long untilNanos(String raw) {
    var m = Pattern.compile("(\\d+)(h|m|s)").matcher(raw);
    if (!raw.isEmpty() && m.replaceAll("").isEmpty()) {
      m.reset();
      Duration d = Duration.ZERO;
      while (m.find()) {
        long v = Long.parseLong(m.group(1));
        d = d.plus(switch (m.group(2)) {
          case "h" -> Duration.ofHours(v);
          case "m" -> Duration.ofMinutes(v);
          default -> Duration.ofSeconds(v);
        });
      }
      Instant t = Instant.now().minus(d);
      return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
    return SystemRoutes.toNanos(raw);
  }
}
