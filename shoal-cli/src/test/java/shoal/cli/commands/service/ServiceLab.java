package shoal.cli.commands.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shoal.cli.Io;
import shoal.cli.Main;
import shoal.cli.json.Json;
import shoal.cli.json.Jv;

/**
 * A loopback Engine API answering as a Docker 28 manager does for services and tasks, from the
 * JSON files next to this class ({@code services.json}, {@code tasks.json}, {@code networks.json})
 * and the swarm lab's {@code nodes.json}; it records every request. Times in the files are written
 * {@code "@-300s"} and served as that long before the request, so "5 minutes ago" stays true.
 *
 * <p>A <em>scenario</em> ({@link #play}) stands for a service converging: each task list asked
 * with {@code _up-to-date} answers the next step's tasks, and the service inspected answers that
 * step's {@code UpdateStatus}, so docker and shoal see the same sequence whatever their timing.
 *
 * <p>The goldens beside the files are docker 28's outputs against this daemon ({@link DockerGoldens}).
 */
public final class ServiceLab implements AutoCloseable {
  private static final String DIR = "/shoal/cli/commands/service/";
  private static final Pattern TIME = Pattern.compile("\"@-(\\d+)s\"");

  /** What the CLI printed and its exit code. */
  public record Run(int exitCode, String out, String err) {}

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile Map<String, Object> scenario;
  private volatile int step;

  public ServiceLab() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  public String host() {
    return "tcp://127.0.0.1:" + server.getAddress().getPort();
  }

  public static String fixture(String name) {
    String path = name.equals("nodes.json") || name.equals("info.json") ? "/shoal/cli/commands/swarmlab/" + name : DIR + name;
    try (InputStream in = ServiceLab.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Plays scenario {@code name}: {@code {"Service": {...}, "Steps": [{"UpdateStatus"?, "Tasks": [...]}]}}. */
  public void play(String name) {
    scenario = Jv.map(Json.parse(timed(fixture(name))));
    step = 0;
  }

  /** {@code METHOD /v1.41/path?query body}; pings left out. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  public Run shoal(String... args) {
    return shoal(false, args);
  }

  /** Runs the CLI in this JVM, its standard output a terminal when {@code terminal}. */
  public Run shoal(boolean terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false, terminal);
    int code = Main.run(args, io, Map.of("SHOAL_HOST", host()));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String timed(String json) {
    Instant now = Instant.now();
    Matcher m = TIME.matcher(json);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, "\"" + now.minusSeconds(Long.parseLong(m.group(1))) + "\"");
    }
    return m.appendTail(sb).toString();
  }

  private static List<Object> list(String name) {
    return Jv.list(Json.parse(timed(fixture(name))));
  }

  private void serve(HttpExchange ex) throws IOException {
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = ex.getRequestURI().getRawPath();
      String query = ex.getRequestURI().getRawQuery();
      if (path.equals("/_ping")) {
        reply(ex, 200, "OK");
        return;
      }
      requests.add((ex.getRequestMethod() + " " + path + (query == null ? "" : "?" + query) + " " + body).strip());
      String route = ex.getRequestMethod() + " " + path.replaceFirst("^/v[0-9.]+", "");
      Map<String, String> q = query(query);
      Map<String, List<String>> filters = resolved(filters(q.get("filters")));
      String[] seg = route.split(" ", 2)[1].substring(1).split("/");
      switch (ex.getRequestMethod() + " " + seg[0] + (seg.length > 1 ? " " + Math.min(seg.length, 3) : "")) {
        case "GET services" -> reply(ex, 200, Json.write(services(filters, "1".equals(q.get("status")) || "true".equals(q.get("status")))));
        case "GET services 2" -> one(ex, "service", seg[1], service(seg[1]));
        case "GET services 3" -> logs(ex, seg[1], null, q);
        case "POST services 2" -> reply(ex, 201, Json.write(Map.of("ID", created())));
        case "POST services 3" -> reply(ex, 200, "{}");
        case "DELETE services 2" -> {
          if (service(seg[1]) == null) {
            notFound(ex, "service", seg[1]);
          } else {
            reply(ex, 200, "");
          }
        }
        case "GET tasks" -> reply(ex, 200, Json.write(tasks(filters)));
        case "GET tasks 2" -> one(ex, "task", seg[1], find(list("tasks.json"), seg[1], t -> false));
        case "GET tasks 3" -> logs(ex, null, seg[1], q);
        case "GET nodes" -> reply(ex, 200, fixture("nodes.json"));
        case "GET nodes 2" -> one(ex, "node", seg[1], find(list("nodes.json"), seg[1],
            n -> Jv.str(n, "Description", "Hostname").equals(seg[1]) || Jv.str(n, "Spec", "Name").equals(seg[1])));
        case "GET networks 2" -> one(ex, "network", seg[1], find(list("networks.json"), seg[1], n -> Jv.str(n, "Name").equals(seg[1])));
        case "GET info" -> reply(ex, 200, fixture("info.json"));
        default -> reply(ex, 404, Json.write(Map.of("message", "page not found")));
      }
    } catch (RuntimeException e) {
      reply(ex, 500, Json.write(Map.of("message", e.toString())));
    }
  }

  private String created() {
    Map<String, Object> s = scenario;
    return s == null ? "newsvc0000000000000000001" : Jv.str(s, "Service", "ID");
  }

  private List<Object> services(Map<String, List<String>> filters, boolean status) {
    List<Object> out = new ArrayList<>();
    for (Object s : allServices()) {
      if (matches(filters.get("id"), Jv.str(s, "ID")) && matches(filters.get("name"), Jv.str(s, "Spec", "Name"))) {
        Map<String, Object> copy = new LinkedHashMap<>(Jv.map(s));
        if (!status) {
          copy.remove("ServiceStatus");
        }
        out.add(copy);
      }
    }
    return out;
  }

  private List<Object> allServices() {
    List<Object> all = new ArrayList<>(list("services.json"));
    Map<String, Object> s = scenario;
    if (s != null) {
      all.add(scenarioService(s));
    }
    return all;
  }

  private Object scenarioService(Map<String, Object> s) {
    Map<String, Object> service = new LinkedHashMap<>(Jv.map(s, "Service"));
    List<Object> steps = Jv.list(s, "Steps");
    Object status = Jv.get(steps.get(Math.min(step, steps.size() - 1)), "UpdateStatus");
    if (status != null) {
      service.put("UpdateStatus", status);
    }
    return service;
  }

  /** The daemon's lookup: full ID, then name, then a unique ID prefix. */
  private Object service(String ref) {
    List<Object> all = allServices();
    return find(all, ref, s -> Jv.str(s, "Spec", "Name").equals(ref));
  }

  private static Object find(List<Object> all, String ref, Predicate<Object> byName) {
    for (Object o : all) {
      if (Jv.str(o, "ID").equals(ref) || Jv.str(o, "Id").equals(ref)) {
        return o;
      }
    }
    for (Object o : all) {
      if (byName.test(o)) {
        return o;
      }
    }
    Object found = null;
    for (Object o : all) {
      String id = Jv.str(o, "ID").isEmpty() ? Jv.str(o, "Id") : Jv.str(o, "ID");
      if (!ref.isEmpty() && id.startsWith(ref)) {
        if (found != null) {
          return null;
        }
        found = o;
      }
    }
    return found;
  }

  private List<Object> tasks(Map<String, List<String>> filters) {
    Map<String, Object> s = scenario;
    List<Object> source;
    if (s != null && filters.containsKey("_up-to-date")) {
      List<Object> steps = Jv.list(s, "Steps");
      source = Jv.list(steps.get(Math.min(step, steps.size() - 1)), "Tasks");
      step++;
    } else {
      source = list("tasks.json");
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (Object svc : allServices()) {
      names.put(Jv.str(svc, "ID"), Jv.str(svc, "Spec", "Name"));
    }
    List<Object> out = new ArrayList<>();
    for (Object t : source) {
      String name = names.get(Jv.str(t, "ServiceID")) + "." + (Jv.lng(t, "Slot") != 0 ? Long.toString(Jv.lng(t, "Slot")) : Jv.str(t, "NodeID"))
          + "." + Jv.str(t, "ID");
      if (exact(filters.get("service"), Jv.str(t, "ServiceID")) && exact(filters.get("node"), Jv.str(t, "NodeID"))
          && matches(filters.get("id"), Jv.str(t, "ID")) && matches(filters.get("name"), name)
          && exact(filters.get("desired-state"), Jv.str(t, "DesiredState"))) {
        out.add(t);
      }
    }
    return out;
  }

  /** The daemon takes node and service names in task filters, and filters on their IDs. */
  private Map<String, List<String>> resolved(Map<String, List<String>> filters) {
    if (filters.containsKey("node")) {
      filters.put("node", filters.get("node").stream().map(n -> {
        Object node = find(list("nodes.json"), n, x -> Jv.str(x, "Description", "Hostname").equals(n) || Jv.str(x, "Spec", "Name").equals(n));
        return node == null ? n : Jv.str(node, "ID");
      }).toList());
    }
    if (filters.containsKey("service")) {
      filters.put("service", filters.get("service").stream().map(s -> {
        Object svc = service(s);
        return svc == null ? s : Jv.str(svc, "ID");
      }).toList());
    }
    return filters;
  }

  private static boolean matches(List<String> prefixes, String value) {
    return prefixes == null || prefixes.stream().anyMatch(value::startsWith);
  }

  private static boolean exact(List<String> values, String value) {
    return values == null || values.contains(value);
  }

  /**
   * Service or task logs as the daemon streams them with {@code details=1}: multiplexed frames,
   * each {@code [timestamp ]details message}, from {@code logs.txt} (task ID, stream, message).
   */
  private void logs(HttpExchange ex, String serviceRef, String taskId, Map<String, String> q) throws IOException {
    Map<String, String> serviceOf = new LinkedHashMap<>();
    Map<String, String> nodeOf = new LinkedHashMap<>();
    for (Object t : list("tasks.json")) {
      serviceOf.put(Jv.str(t, "ID"), Jv.str(t, "ServiceID"));
      nodeOf.put(Jv.str(t, "ID"), Jv.str(t, "NodeID"));
    }
    String serviceId = serviceRef == null ? null : Jv.str(service(serviceRef), "ID");
    ByteArrayOutputStream frames = new ByteArrayOutputStream();
    Instant at = Instant.parse("2026-11-25T09:00:00.000000001Z");
    for (String line : fixture("logs.txt").split("\n")) {
      String[] f = line.split("\\|", 3);
      if (serviceId != null && !serviceOf.get(f[0]).equals(serviceId) || taskId != null && !f[0].startsWith(taskId)) {
        continue;
      }
      StringBuilder payload = new StringBuilder();
      if ("1".equals(q.get("timestamps"))) {
        payload.append(at).append(' ');
      }
      at = at.plusMillis(250);
      if ("1".equals(q.get("details"))) {
        payload.append("com.docker.swarm.node.id=").append(nodeOf.get(f[0]))
            .append(",com.docker.swarm.service.id=").append(serviceOf.get(f[0]))
            .append(",com.docker.swarm.task.id=").append(f[0]).append(' ');
      }
      payload.append(f[2]).append('\n');
      byte[] p = payload.toString().getBytes(StandardCharsets.UTF_8);
      frames.write(new byte[] {(byte) (f[1].equals("stderr") ? 2 : 1), 0, 0, 0,
          (byte) (p.length >>> 24), (byte) (p.length >>> 16), (byte) (p.length >>> 8), (byte) p.length});
      frames.write(p);
    }
    ex.getResponseHeaders().set("Content-Type", "application/vnd.docker.multiplexed-stream");
    ex.getResponseHeaders().set("Api-Version", "1.41");
    ex.sendResponseHeaders(200, frames.size());
    ex.getResponseBody().write(frames.toByteArray());
  }

  private static void one(HttpExchange ex, String kind, String ref, Object found) throws IOException {
    if (found == null) {
      notFound(ex, kind, ref);
    } else {
      reply(ex, 200, Json.write(found));
    }
  }

  private static void notFound(HttpExchange ex, String kind, String ref) throws IOException {
    reply(ex, 404, Json.write(Map.of("message", kind + " " + ref + " not found")));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> m = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        m.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  /** Docker's {@code filters}: {@code {"key":{"value":true}}} (or the older {@code {"key":["value"]}}). */
  private static Map<String, List<String>> filters(String raw) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return m;
    }
    Jv.map(Json.parse(raw)).forEach((k, v) -> {
      List<String> values = new ArrayList<>();
      if (v instanceof Map<?, ?> vm) {
        vm.keySet().forEach(x -> values.add(x.toString()));
      } else {
        Jv.list(v).forEach(x -> values.add(x.toString()));
      }
      m.put(k, values);
    });
    return m;
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", body.startsWith("{") || body.startsWith("[") ? "application/json" : "text/plain");
    ex.getResponseHeaders().set("Api-Version", "1.41");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, b.length == 0 || head ? -1 : b.length);
    if (!head) {
      ex.getResponseBody().write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
