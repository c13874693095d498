package shoal.cli.commands;

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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import shoal.cli.Io;
import shoal.cli.Main;
import shoal.cli.json.Json;
import shoal.cli.json.Jv;

/**
 * A loopback Engine API answering from the JSON files of {@code swarmlab/} (a manager of a
 * three-node swarm, shaped as Docker's daemon answers), recording every request, for the swarm
 * and node commands' tests. The goldens next to those files are docker 28's outputs against the
 * same answers.
 */
public final class FixtureDaemon implements AutoCloseable {
  private static final String DIR = "/shoal/cli/commands/swarmlab/";

  /** What the CLI printed and its exit code. */
  public record Run(int exitCode, String out, String err) {}

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String[]> overrides = new ConcurrentHashMap<>();
  private volatile String infoFile = "info.json";

  public FixtureDaemon() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  public static String fixture(String name) {
    try (InputStream in = FixtureDaemon.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers as a worker does: {@code /info} without a cluster, manager calls refused. */
  public void beWorker() {
    infoFile = "info-worker.json";
    String refusal = "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. "
        + "Please run this command on a manager node or promote the current node to a manager.";
    for (String p : List.of("GET /nodes", "GET /swarm")) {
      overrides.put(p, new String[] {"503", Json.write(Map.of("message", refusal))});
    }
  }

  /** Answers {@code method path} (path without version and query) with this status and JSON. */
  public void answer(String methodAndPath, int status, String json) {
    overrides.put(methodAndPath, new String[] {Integer.toString(status), json});
  }

  /** {@code METHOD /v1.41/path?query body}, as the docker-requests fixture lists them; pings left out. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  public Run shoal(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false, false);
    String host = "tcp://127.0.0.1:" + server.getAddress().getPort();
    int code = Main.run(args, io, Map.of("SHOAL_HOST", host));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
      String[] fixed = overrides.get(route);
      if (fixed != null) {
        reply(ex, Integer.parseInt(fixed[0]), fixed[1]);
        return;
      }
      switch (route) {
        case "GET /swarm" -> reply(ex, 200, fixture("swarm.json"));
        case "GET /info" -> reply(ex, 200, fixture(infoFile));
        case "GET /nodes" -> reply(ex, 200, fixture("nodes.json"));
        case "POST /swarm/init" -> reply(ex, 200, "\"ef777uvjt5598boqn29gzmakh\"");
        default -> {
          if (route.startsWith("GET /nodes/")) {
            node(ex, route.substring("GET /nodes/".length()));
          } else {
            reply(ex, 200, "");
          }
        }
      }
    }
  }

  /** A node by ID prefix or hostname, or the daemon's 404. */
  private void node(HttpExchange ex, String ref) throws IOException {
    for (Object n : Jv.list(Json.parse(fixture("nodes.json")))) {
      if (Jv.str(n, "ID").startsWith(ref) || Jv.str(n, "Description", "Hostname").equals(ref)) {
        reply(ex, 200, Json.write(n));
        return;
      }
    }
    reply(ex, 404, Json.write(Map.of("message", "node " + ref + " not found")));
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", body.startsWith("{") || body.startsWith("[") || body.startsWith("\"")
        ? "application/json" : "text/plain");
    ex.getResponseHeaders().set("Api-Version", "1.41");
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    ex.getResponseBody().write(b);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
