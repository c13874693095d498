package shoal.cli.commands.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --network} value: a network name or ID, or docker's long syntax
 * {@code name=NET,alias=A,driver-opt=K=V}.
 *
 * @param target the network as given, resolved to its ID before the spec is sent
 */
record NetworkAttachment(String target, List<String> aliases, Map<String, String> driverOpts) {
  private static final Pattern LONG_SYNTAX = Pattern.compile("\\w+=\\w+(,\\w+=\\w+)*");

  static NetworkAttachment parse(String value) {
    if (!LONG_SYNTAX.matcher(value).find()) {
      return new NetworkAttachment(value, List.of(), Map.of());
    }
    String target = "";
    List<String> aliases = new ArrayList<>();
    Map<String, String> driverOpts = new TreeMap<>();
    for (String field : value.split(",", -1)) {
      String f = field.toLowerCase(Locale.ROOT);
      int eq = f.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("invalid field " + field);
      }
      String key = f.substring(0, eq).strip();
      String val = f.substring(eq + 1).strip();
      switch (key) {
        case "name" -> target = val;
        case "alias" -> aliases.add(val);
        case "driver-opt" -> {
          int e = val.indexOf('=');
          if (e < 0) {
            throw new IllegalArgumentException("invalid key value pair format in driver options");
          }
          driverOpts.put(val.substring(0, e).strip().toLowerCase(Locale.ROOT), val.substring(e + 1).strip().toLowerCase(Locale.ROOT));
        }
        default -> throw new IllegalArgumentException("invalid field key " + key);
      }
    }
    if (target.isEmpty()) {
      throw new IllegalArgumentException("network name/id is not specified");
    }
    return new NetworkAttachment(target, List.copyOf(aliases), driverOpts);
  }

  /** The spec's NetworkAttachmentConfig for the network of ID {@code id}. */
  Map<String, Object> toSpec(String id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Target", id);
    if (!aliases.isEmpty()) {
      m.put("Aliases", aliases);
    }
    if (!driverOpts.isEmpty()) {
      m.put("DriverOpts", driverOpts);
    }
    return m;
  }

  static final class Converter implements ITypeConverter<NetworkAttachment> {
    @Override
    public NetworkAttachment convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
