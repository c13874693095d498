package shoal.runtime.container;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import shoal.errors.InvalidArgumentException;
import shoal.net.EndpointInfo;

/** Docker's container list filters over container records. */
public final class ContainerFilter {
  public static final Set<String> KEYS = Set.of("id", "name", "label", "status", "exited", "ancestor", "before",
      "since", "network", "health", "volume", "publish", "expose", "is-task", "isolation");
  private static final Set<String> STATUSES =
      Set.of("created", "restarting", "running", "removing", "paused", "exited", "dead");

  private final ContainerQuery q;
  private final Instant before;
  private final Instant since;
  private final Set<String> ancestors;

  /**
   * @param lookup finds a container for {@code before}/{@code since} (404 when none)
   * @param imageIds the image ids a reference names, for {@code ancestor} (empty when unknown)
   */
  public ContainerFilter(ContainerQuery q, Function<String, ContainerRecord> lookup,
      Function<String, Set<String>> imageIds) {
    this.q = q;
    for (String s : q.values("status")) {
      if (!STATUSES.contains(s)) {
        throw new InvalidArgumentException("invalid filter 'status=" + s + "'");
      }
    }
    for (String e : q.values("exited")) {
      if (!e.matches("-?\\d+")) {
        throw new InvalidArgumentException("invalid filter 'exited=" + e + "'");
      }
    }
    this.before = q.values("before").stream().map(r -> lookup.apply(r).created()).min(Instant::compareTo).orElse(null);
    this.since = q.values("since").stream().map(r -> lookup.apply(r).created()).max(Instant::compareTo).orElse(null);
    this.ancestors = q.values("ancestor").stream()
        .flatMap(a -> imageIds.apply(a).stream())
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Whether a container belongs in the list (without {@code all}, only running ones do). */
  public boolean accepts(ContainerRecord r) {
    ContainerStatus s = r.state().status();
    boolean active = s.hasProcess() || s == ContainerStatus.RESTARTING;
    boolean anyState = q.all() || q.limit() > 0 || !q.values("status").isEmpty() || !q.values("exited").isEmpty();
    if (!anyState && !active) {
      return false;
    }
    return any("id", v -> r.id().startsWith(v))
        && any("name", v -> nameMatches(v, r.name()))
        && labels(r.config().labels())
        && any("status", v -> v.equals(s.word()))
        && any("exited", v -> s == ContainerStatus.EXITED && r.state().exitCode() == Integer.parseInt(v))
        && (q.values("ancestor").isEmpty() || ancestors.contains(r.imageId()) || q.values("ancestor").contains(r.imageRef()))
        && (before == null || r.created().isBefore(before))
        && (since == null || r.created().isAfter(since))
        && any("network", v -> onNetwork(r, v))
        && any("health", v -> v.equals("none"))
        && any("is-task", v -> v.equals("false"))
        && any("publish", v -> r.ports().stream().anyMatch(p -> portMatches(v, p.hostPort(), p.protocol())))
        && any("expose", v -> r.config().exposedPorts().stream().anyMatch(e -> portMatches(v, e)))
        && q.values("volume").isEmpty();
  }

  private boolean any(String key, java.util.function.Predicate<String> test) {
    List<String> vs = q.values(key);
    return vs.isEmpty() || vs.stream().anyMatch(test);
  }

  private boolean labels(Map<String, String> labels) {
    for (String want : q.values("label")) {
      int eq = want.indexOf('=');
      if (eq < 0 ? !labels.containsKey(want) : !want.substring(eq + 1).equals(labels.get(want.substring(0, eq)))) {
        return false;
      }
    }
    return true;
  }

  static boolean nameMatches(String pattern, String name) {
    try {
      return Pattern.compile(pattern).matcher("/" + name).find();
    } catch (PatternSyntaxException e) {
      throw new InvalidArgumentException("invalid filter 'name=" + pattern + "': " + e.getDescription());
    }
  }

  private static boolean onNetwork(ContainerRecord r, String v) {
    if (r.networks().containsKey(v) || r.host().networkMode().equals(v)) {
      return true;
    }
    for (EndpointInfo e : r.endpoints().values()) {
      if (e.networkName().equals(v) || e.networkId().equals(v) || (v.length() >= 3 && e.networkId().startsWith(v))) {
        return true;
      }
    }
    return false;
  }

  private static boolean portMatches(String want, int port, String proto) {
    return portMatches(want, port + "/" + proto);
  }

  private static boolean portMatches(String want, String portProto) {
    return want.contains("/") ? want.equals(portProto) : portProto.startsWith(want + "/");
  }
}
