package shoal.cli.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import shoal.cli.json.Json;

/**
 * The Engine API as the CLI uses it. The first call pings the daemon and settles the API version
 * (the lower of the daemon's {@code Api-Version} and {@link #MAX_API}), as the docker CLI
 * negotiates; every path is then sent as {@code /v<version>/...}.
 */
public final class EngineClient {
  /** The Engine API version this CLI is written against. */
  public static final String MAX_API = "1.41";

  private final DaemonAddress address;
  private final String userAgent;
  private String version; // settled by the first call; a CLI process is single-threaded until then

  public EngineClient(DaemonAddress address, String userAgent) {
    this.address = address;
    this.userAgent = userAgent;
  }

  public DaemonAddress address() {
    return address;
  }

  /** The negotiated API version. */
  public String apiVersion() {
    if (version == null) {
      version = negotiate();
    }
    return version;
  }

  private String negotiate() {
    try (HttpResponse r = exchange("GET", "/_ping", RequestBody.NONE, Map.of())) {
      r.bodyBytes();
      String server = r.header("Api-Version").orElse(MAX_API);
      return lower(server, MAX_API);
    } catch (IOException e) {
      throw new DaemonUnreachableException(address, e);
    }
  }

  static String lower(String a, String b) {
    return compareVersions(a, b) <= 0 ? a : b;
  }

  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? parseOrZero(x[i]) : 0;
      int q = i < y.length ? parseOrZero(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }

  private static int parseOrZero(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  // ---- JSON calls ----

  public Object get(String path, Query q) {
    return json("GET", path, q, RequestBody.NONE);
  }

  public Object post(String path, Query q, Object jsonBody) {
    return json("POST", path, q, jsonBody == null ? RequestBody.NONE : RequestBody.json(jsonBody));
  }

  public Object delete(String path, Query q) {
    return json("DELETE", path, q, RequestBody.NONE);
  }

  /** A call whose answer is JSON (or empty: then null). Errors become {@link ApiException}. */
  public Object json(String method, String path, Query q, RequestBody body) {
    try (HttpResponse r = call(method, path, q, body)) {
      byte[] bytes = r.bodyBytes();
      return bytes.length == 0 ? null : Json.parse(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A call whose body the caller reads as it streams (logs, events, load progress). The caller
   * closes the response.
   */
  public HttpResponse call(String method, String path, Query q, RequestBody body) {
    String target = "/v" + apiVersion() + path + (q == null ? "" : q.render());
    HttpResponse r;
    try {
      r = exchange(method, target, body, Map.of());
    } catch (IOException e) {
      throw new DaemonUnreachableException(address, e);
    }
    if (r.status() >= 400) {
      try (r) {
        throw errorOf(r.status(), r.bodyText());
      } catch (IOException e) {
        throw new ApiException(r.status(), "(unreadable error: " + e.getMessage() + ")");
      }
    }
    return r;
  }

  /**
   * Attach and exec start: asks the daemon to switch protocols ({@code Upgrade: tcp}) and returns
   * the raw duplex stream. A daemon that answers 200 instead of 101 is accepted as older docker
   * daemons did.
   */
  public Hijacked hijack(String path, Query q, Object jsonBody) {
    String target = "/v" + apiVersion() + path + (q == null ? "" : q.render());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Connection", "Upgrade");
    headers.put("Upgrade", "tcp");
    RequestBody body = jsonBody == null ? RequestBody.NONE : RequestBody.json(jsonBody);
    HttpResponse r;
    try {
      r = exchange("POST", target, body, headers);
    } catch (IOException e) {
      throw new DaemonUnreachableException(address, e);
    }
    if (r.status() >= 400) {
      try (r) {
        throw errorOf(r.status(), r.bodyText());
      } catch (IOException e) {
        throw new ApiException(r.status(), "(unreadable error: " + e.getMessage() + ")");
      }
    }
    return new Hijacked(r.connection());
  }

  private HttpResponse exchange(String method, String target, RequestBody body, Map<String, String> extra)
      throws IOException {
    HttpConnection c = HttpConnection.open(address);
    try {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("User-Agent", userAgent);
      headers.putAll(extra);
      c.send(method, target, headers, body);
      return c.receive(method);
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** Docker's error shape is {@code {"message": "..."}}; anything else is shown as sent. */
  static ApiException errorOf(int status, String body) {
    String text = body.strip();
    if (text.startsWith("{")) {
      try {
        if (Json.parse(text) instanceof Map<?, ?> m && m.get("message") instanceof String msg) {
          return new ApiException(status, msg);
        }
      } catch (IllegalArgumentException notJson) {
        // fall through to the raw text
      }
    }
    return new ApiException(status, text.isEmpty() ? "HTTP " + status : text);
  }
}
