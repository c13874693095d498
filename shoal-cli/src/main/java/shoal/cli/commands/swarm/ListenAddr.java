package shoal.cli.commands.swarm;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --listen-addr}: {@code <ip|interface>[:port]}, an optional {@code tcp://}, the host and
 * port of {@code 0.0.0.0:2377} filling what is left out, as docker completes it.
 */
public final class ListenAddr {
  public static final String DEFAULT = "0.0.0.0:2377";
  private static final String DEFAULT_HOST = "0.0.0.0";
  private static final String DEFAULT_PORT = "2377";

  private ListenAddr() {}

  /** @throws IllegalArgumentException in docker's words */
  public static String parse(String value) {
    String url = value.contains("://") ? value : "tcp://" + value;
    String scheme = url.substring(0, url.indexOf("://"));
    if (!scheme.equals("tcp")) {
      throw new IllegalArgumentException("invalid proto, expected tcp: " + value);
    }
    String authority = url.substring(scheme.length() + 3);
    int slash = authority.indexOf('/');
    if (slash >= 0) {
      authority = authority.substring(0, slash);
    }
    String host;
    String port;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("parse \"" + url + "\": missing ']' in host");
      }
      host = authority.substring(1, close);
      port = portAfter(authority.substring(close + 1), url);
    } else {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      port = colon < 0 ? "" : portAfter(authority.substring(colon), url);
    }
    host = host.isEmpty() ? DEFAULT_HOST : host;
    port = port.isEmpty() ? DEFAULT_PORT : port;
    return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
  }

  /** The digits after {@code :}, or "" when there is no port; anything else is Go's url error. */
  private static String portAfter(String rest, String url) {
    if (rest.isEmpty()) {
      return "";
    }
    if (!rest.startsWith(":") || !rest.substring(1).chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("parse \"" + url + "\": invalid port \"" + rest + "\" after host");
    }
    return rest.substring(1);
  }

  /** For picocli's {@code --listen-addr}. */
  public static final class Converter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
