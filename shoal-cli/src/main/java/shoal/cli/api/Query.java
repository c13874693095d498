package shoal.cli.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A query string built in order, values URL-encoded. */
public final class Query {
  private final List<String> pairs = new ArrayList<>();

  public static Query of() {
    return new Query();
  }

  public Query add(String name, String value) {
    pairs.add(enc(name) + "=" + enc(value));
    return this;
  }

  public Query add(String name, long value) {
    return add(name, Long.toString(value));
  }

  /** Adds {@code name=1} when the flag is set; Docker's API treats absence as false. */
  public Query flag(String name, boolean set) {
    return set ? add(name, "1") : this;
  }

  public Query addIfPresent(String name, String value) {
    return value == null || value.isEmpty() ? this : add(name, value);
  }

  public String render() {
    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
