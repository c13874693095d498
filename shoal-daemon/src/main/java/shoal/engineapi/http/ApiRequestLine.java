package shoal.engineapi.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import shoal.errors.InvalidArgumentException;

/** The parts of a request target the router needs: version prefix, decoded path, query. */
record ApiRequestLine(String version, String path, QueryParams query) {
  private static final Pattern VERSIONED = Pattern.compile("^/v(\\d+\\.\\d+)(/.*)$");

  static ApiRequestLine parse(String uri, ApiVersion api) {
    QueryStringDecoder d = new QueryStringDecoder(uri);
    String path = d.path();
    String version = api.current();
    Matcher m = VERSIONED.matcher(path);
    if (m.matches()) {
      version = m.group(1);
      path = m.group(2);
      api.check(version);
    }
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return new ApiRequestLine(version, path, new QueryParams(d.parameters()));
  }

  /** The versions this server speaks. */
  record ApiVersion(String current, String minimum) {
    void check(String asked) {
      if (compare(asked, current) > 0) {
        throw new InvalidArgumentException(
            "client version " + asked + " is too new. Maximum supported API version is " + current);
      }
      if (compare(asked, minimum) < 0) {
        throw new InvalidArgumentException(
            "client version " + asked + " is too old. Minimum supported API version is " + minimum
                + ", please upgrade your client to a newer version");
      }
    }

    static int compare(String a, String b) {
      String[] x = a.split("\\.");
      String[] y = b.split("\\.");
      for (int i = 0; i < Math.max(x.length, y.length); i++) {
        int xi = i < x.length ? Integer.parseInt(x[i]) : 0;
        int yi = i < y.length ? Integer.parseInt(y[i]) : 0;
        if (xi != yi) {
          return Integer.compare(xi, yi);
        }
      }
      return 0;
    }
  }
}
