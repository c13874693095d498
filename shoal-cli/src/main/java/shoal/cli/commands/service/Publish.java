package shoal.cli.commands.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import shoal.cli.opts.PortSpec;

/**
 * One {@code --publish} value as the Engine API's PortConfigs: the long syntax
 * ({@code published=8080,target=80,mode=host,protocol=udp}) or the short one
 * ({@code [PUBLISHED:]TARGET[/PROTO]}, ranges allowed, no host IP), as docker's PortOpt reads them.
 */
record Publish(List<Map<String, Object>> ports) {
  /** docker's test for the long syntax: a {@code key=value} anywhere in the value. */
  private static final Pattern LONG_SYNTAX = Pattern.compile("\\w+=\\w+(,\\w+=\\w+)*");

  static Publish parse(String value) {
    return new Publish(LONG_SYNTAX.matcher(value).find() ? List.of(longSyntax(value)) : shortSyntax(value));
  }

  private static Map<String, Object> longSyntax(String value) {
    String protocol = "";
    String mode = "";
    long target = 0;
    long published = 0;
    for (String field : value.split(",", -1)) {
      // docker lower-cases the whole field, key and value
      String f = field.toLowerCase(Locale.ROOT);
      int eq = f.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("invalid field: " + field);
      }
      String key = f.substring(0, eq);
      String val = f.substring(eq + 1);
      switch (key) {
        case "protocol" -> {
          if (!val.equals("tcp") && !val.equals("udp") && !val.equals("sctp")) {
            throw new IllegalArgumentException("invalid protocol value '" + val + "'");
          }
          protocol = val;
        }
        case "mode" -> {
          if (!val.equals("ingress") && !val.equals("host")) {
            throw new IllegalArgumentException("invalid publish mode value (" + val + "): must be either 'ingress' or 'host'");
          }
          mode = val;
        }
        case "target" -> target = port(val);
        case "published" -> published = port(val);
        default -> throw new IllegalArgumentException("invalid field key: " + key);
      }
    }
    if (target == 0) {
      throw new IllegalArgumentException("missing mandatory field 'target'");
    }
    return portConfig(protocol.isEmpty() ? "tcp" : protocol, target, published, mode.isEmpty() ? "ingress" : mode);
  }

  /** Go's {@code strconv.ParseUint(val, 10, 16)}. */
  private static long port(String val) {
    if (val.isEmpty() || !val.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("strconv.ParseUint: parsing \"" + val + "\": invalid syntax");
    }
    String digits = val.replaceFirst("^0+(?=.)", "");
    if (digits.length() > 5 || Long.parseLong(digits) > 65535) {
      throw new IllegalArgumentException("strconv.ParseUint: parsing \"" + val + "\": value out of range");
    }
    return Long.parseLong(digits);
  }

  private static List<Map<String, Object>> shortSyntax(String value) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (PortSpec spec : PortSpec.parse(value)) {
      if (!spec.hostIp().isEmpty()) {
        throw new IllegalArgumentException("hostip is not supported");
      }
      String[] portProto = spec.port().split("/", 2);
      long target = Long.parseLong(portProto[0]);
      long start = 0;
      long end = 0;
      if (!spec.hostPort().isEmpty()) {
        String[] range = spec.hostPort().split("-", 2);
        start = Long.parseLong(range[0]);
        end = range.length > 1 ? Long.parseLong(range[1]) : start;
      }
      for (long published = start; published <= end; published++) {
        out.add(portConfig(portProto[1], target, published, "ingress"));
      }
    }
    return out;
  }

  /** An Engine API PortConfig, fields in Go's order, the published port left out when the swarm picks it. */
  static Map<String, Object> portConfig(String protocol, long target, long published, String mode) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Protocol", protocol);
    p.put("TargetPort", target);
    if (published != 0) {
      p.put("PublishedPort", published);
    }
    p.put("PublishMode", mode);
    return p;
  }

  /** For picocli: a refused value becomes pflag's "invalid argument" message. */
  static final class Converter implements ITypeConverter<Publish> {
    @Override
    public Publish convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
