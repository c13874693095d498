package shoal.engineapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import shoal.daemon.Versions;
import shoal.engineapi.http.ApiExchange;
import shoal.engineapi.http.Router;
import shoal.errors.InvalidArgumentException;
import shoal.events.Event;
import shoal.events.EventLog;

/** {@code /_ping}, {@code /version}, {@code /info}, {@code /events}. */
public final class SystemRoutes {
  private static final long EVENT_POLL_MS = 250;

  private final HostFacts host;
  private final EventLog events;
  private final List<InfoContributor> contributors;
  private final Supplier<String> swarmState;

  /**
   * @param swarmState what {@code /_ping}'s Swarm header says: inactive, active/worker, active/manager…
   */
  public SystemRoutes(
      HostFacts host,
      EventLog events,
      List<InfoContributor> contributors,
      Supplier<String> swarmState) {
    this.host = host;
    this.events = events;
    this.contributors = List.copyOf(contributors);
    this.swarmState = swarmState;
  }

  public void register(Router r) {
    r.get("/_ping", this::ping);
    r.head("/_ping", this::ping);
    r.get("/version", this::version);
    r.get("/info", this::info);
    r.get("/events", this::events);
  }

  private void ping(ApiExchange ex) {
    ex.responseHeader("Cache-Control", "no-cache, no-store, must-revalidate");
    ex.responseHeader("Pragma", "no-cache");
    ex.responseHeader("Swarm", swarmState.get());
    if (ex.method().equals("HEAD")) {
      ex.respond(200, "text/plain; charset=utf-8", new byte[0]);
    } else {
      ex.respondText(200, "OK");
    }
  }

  private void version(ApiExchange ex) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("ApiVersion", Versions.API);
    details.put("Arch", "amd64");
    details.put("BuildTime", "");
    details.put("Experimental", "false");
    details.put("GitCommit", "");
    details.put("GoVersion", host.javaVersion());
    details.put("KernelVersion", host.kernelVersion());
    details.put("MinAPIVersion", Versions.MIN_API);
    details.put("Os", "linux");
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("Platform", Map.of("Name", "Shoal"));
    v.put("Components", List.of(Map.of("Name", "Engine", "Version", Versions.SHOAL, "Details", details)));
    v.put("Version", Versions.SHOAL);
    v.put("ApiVersion", Versions.API);
    v.put("MinAPIVersion", Versions.MIN_API);
    v.put("GitCommit", "");
    v.put("GoVersion", host.javaVersion());
    v.put("Os", "linux");
    v.put("Arch", "amd64");
    v.put("KernelVersion", host.kernelVersion());
    v.put("BuildTime", "");
    ex.respondJson(200, v);
  }

  private void info(ApiExchange ex) {
    ObjectNode info = ex.json().createObjectNode();
    info.put("ID", host.engineId());
    info.put("Containers", 0);
    info.put("ContainersRunning", 0);
    info.put("ContainersPaused", 0);
    info.put("ContainersStopped", 0);
    info.put("Images", 0);
    info.put("Driver", "overlay2");
    info.putArray("DriverStatus");
    ObjectNode plugins = info.putObject("Plugins");
    plugins.putArray("Volume").add("local");
    plugins.putArray("Network").add("bridge").add("host").add("null").add("overlay");
    plugins.putArray("Authorization");
    plugins.putArray("Log").add("json-file");
    info.put("MemoryLimit", true);
    info.put("SwapLimit", false);
    info.put("CpuCfsPeriod", true);
    info.put("CpuCfsQuota", true);
    info.put("CPUShares", true);
    info.put("CPUSet", true);
    info.put("PidsLimit", true);
    info.put("IPv4Forwarding", true);
    info.put("BridgeNfIptables", false);
    info.put("BridgeNfIp6tables", false);
    info.put("Debug", host.debug());
    info.put("NFd", host.openFiles());
    info.put("OomKillDisable", false);
    info.put("NGoroutines", Thread.activeCount());
    info.put("SystemTime", Instant.now().toString());
    info.put("LoggingDriver", "json-file");
    info.put("CgroupDriver", "cgroupfs");
    info.put("CgroupVersion", host.cgroupVersion());
    info.put("NEventsListener", events.subscriberCount());
    info.put("KernelVersion", host.kernelVersion());
    info.put("OperatingSystem", host.operatingSystem());
    info.put("OSVersion", host.osVersion());
    info.put("OSType", "linux");
    info.put("Architecture", "x86_64");
    info.put("IndexServerAddress", "https://index.docker.io/v1/");
    info.put("NCPU", Runtime.getRuntime().availableProcessors());
    info.put("MemTotal", host.memTotal());
    info.put("DockerRootDir", host.dataRoot());
    info.put("HttpProxy", "");
    info.put("HttpsProxy", "");
    info.put("NoProxy", "");
    info.put("Name", host.hostname());
    info.putArray("Labels");
    info.put("ExperimentalBuild", false);
    info.put("ServerVersion", Versions.SHOAL);
    info.putObject("Runtimes").putObject("runc").put("path", "runc");
    info.put("DefaultRuntime", "runc");
    ObjectNode swarm = info.putObject("Swarm");
    swarm.put("NodeID", "");
    swarm.put("NodeAddr", "");
    swarm.put("LocalNodeState", "inactive");
    swarm.put("ControlAvailable", false);
    swarm.put("Error", "");
    swarm.putNull("RemoteManagers");
    info.put("LiveRestoreEnabled", true);
    info.put("Isolation", "");
    info.put("InitBinary", "");
    info.putObject("ContainerdCommit").put("ID", "").put("Expected", "");
    info.putObject("RuncCommit").put("ID", host.runcVersion()).put("Expected", host.runcVersion());
    info.putObject("InitCommit").put("ID", "").put("Expected", "");
    info.putArray("SecurityOptions");
    info.putArray("Warnings");
    for (InfoContributor c : contributors) {
      c.contribute(info);
    }
    ex.respondJson(200, info);
  }

  private void events(ApiExchange ex) throws Exception {
    ObjectMapper json = ex.json();
    Filters filters =
        Filters.parse(ex.query().get("filters", ""), json)
            .accept(
                Set.of(
                    "container", "daemon", "event", "image", "label", "network", "node", "plugin",
                    "scope", "service", "type", "volume", "config", "secret"));
    // Absent `since` means "from now"; since=0 means "from the epoch", i.e. every retained event.
    long since = ex.query().get("since").map(SystemRoutes::toNanos).orElse(-1L);
    long until = ex.query().get("until").map(SystemRoutes::toNanos).orElse(Long.MAX_VALUE);
    Predicate<Event> match = e -> matches(filters, e);
    try (OutputStream out = ex.stream(200, "application/json")) {
      if (until <= Event.nowNanos()) {
        // Only the past is asked for: the retained events in the window, then the end.
        for (Event e : events.between(Math.max(since, 0), until, match)) {
          writeEvent(out, json, e);
        }
        return;
      }
      try (EventLog.Subscription sub = events.subscribe(match, since)) {
        while (!ex.clientGone().isDone() && Event.nowNanos() < until) {
          Event e = sub.next(EVENT_POLL_MS);
          if (e == null) {
            continue;
          }
          if (e.timeNano() >= until) {
            return;
          }
          writeEvent(out, json, e);
        }
      }
    }
  }

  private static void writeEvent(OutputStream out, ObjectMapper json, Event e) throws java.io.IOException {
    out.write(json.writeValueAsBytes(EventJson.of(e)));
    out.write('\n');
  }

  private static boolean matches(Filters f, Event e) {
    return f.matchesExact("type", e.type())
        && f.matchesExact("event", e.action())
        && f.matchesExact("scope", e.scope())
        && f.matchesAny(
            e.type(),
            v -> v.equals(e.actorId()) || e.actorId().startsWith(v) || v.equals(e.attributes().get("name")))
        && f.matchesLabels(e.attributes());
  }

  /** Docker's timestamps: seconds since the epoch with an optional fraction, or RFC 3339. */
  static long toNanos(String raw) {
    if (raw.isEmpty()) {
      return 0;
    }
    try {
      return new BigDecimal(raw).movePointRight(9).longValue();
    } catch (NumberFormatException notNumeric) {
      try {
        Instant t = Instant.parse(raw);
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
      } catch (Exception e) {
        throw new InvalidArgumentException("invalid timestamp " + raw);
      }
    }
  }
}
