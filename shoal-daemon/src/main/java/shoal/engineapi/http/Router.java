package shoal.engineapi.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps method and path to a handler. Patterns use {@code {name}} for one path segment and
 * {@code {name*}} for one or more (image names contain slashes: {@code /images/{name*}/json}).
 * The first registered match wins, so register literal paths before patterns that would cover them.
 */
public final class Router {
  /** Answers one exchange; runs on a worker thread and may block. */
  @FunctionalInterface
  public interface Handler {
    void handle(ApiExchange exchange) throws Exception;
  }

  private record Route(String method, Pattern pattern, List<String> names, Handler handler) {}

  /** A handler with the path parameters its pattern captured. */
  public record Match(Handler handler, Map<String, String> params) {}

  private final List<Route> routes = new ArrayList<>();

  public Router get(String pattern, Handler h) {
    return add("GET", pattern, h);
  }

  public Router post(String pattern, Handler h) {
    return add("POST", pattern, h);
  }

  public Router put(String pattern, Handler h) {
    return add("PUT", pattern, h);
  }

  public Router delete(String pattern, Handler h) {
    return add("DELETE", pattern, h);
  }

  public Router head(String pattern, Handler h) {
    return add("HEAD", pattern, h);
  }

  public synchronized Router add(String method, String pattern, Handler h) {
    List<String> names = new ArrayList<>();
    StringBuilder re = new StringBuilder("^");
    Matcher m = Pattern.compile("\\{(\\w+)(\\*?)}").matcher(pattern);
    int last = 0;
    while (m.find()) {
      re.append(Pattern.quote(pattern.substring(last, m.start())));
      re.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
      names.add(m.group(1));
      last = m.end();
    }
    re.append(Pattern.quote(pattern.substring(last))).append('$');
    routes.add(new Route(method, Pattern.compile(re.toString()), List.copyOf(names), h));
    return this;
  }

  public synchronized Optional<Match> match(String method, String path) {
    for (Route r : routes) {
      // HEAD is answered by the GET handler where no HEAD route exists (Docker's /_ping).
      if (!r.method.equals(method)) {
        continue;
      }
      Matcher m = r.pattern.matcher(path);
      if (m.matches()) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < r.names.size(); i++) {
          params.put(r.names.get(i), m.group(i + 1));
        }
        return Optional.of(new Match(r.handler, params));
      }
    }
    return Optional.empty();
  }
}
