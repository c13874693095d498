package shoal.cli.commands.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import shoal.cli.format.Ages;
import shoal.cli.format.Header;
import shoal.cli.format.Ids;
import shoal.cli.format.template.TemplateObject;
import shoal.cli.json.JsonValue;
import shoal.cli.json.Jv;

/** One row of {@code network ls}. */
final class NetworkRow implements TemplateObject, JsonValue {
  static final String DEFAULT_TABLE = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}";
  static final Header HEADER = new Header(Map.of(
      "ID", "NETWORK ID",
      "Name", "NAME",
      "Driver", "DRIVER",
      "Scope", "SCOPE",
      "IPv6", "IPV6",
      "Internal", "INTERNAL",
      "Labels", "LABELS",
      "CreatedAt", "CREATED AT"));
  private static final List<String> FIELDS =
      List.of("CreatedAt", "Driver", "ID", "IPv6", "Internal", "Labels", "Name", "Scope");

  private final Map<String, Object> n;
  private final boolean trunc;

  NetworkRow(Map<String, Object> network, boolean trunc) {
    this.n = network;
    this.trunc = trunc;
  }

  @Override
  public String typeName() {
    return "*formatter.networkContext";
  }

  @Override
  public Object field(String name, List<Object> args) {
    if (name.equals("Label")) {
      return args.size() == 1 ? Jv.str(n, "Labels", String.valueOf(args.getFirst())) : "";
    }
    if (!args.isEmpty()) {
      return UNKNOWN;
    }
    return switch (name) {
      case "ID" -> trunc ? Ids.truncate(Jv.str(n, "Id")) : Jv.str(n, "Id");
      case "Name" -> Jv.str(n, "Name");
      case "Driver" -> Jv.str(n, "Driver");
      case "Scope" -> Jv.str(n, "Scope");
      case "IPv6" -> Boolean.toString(Jv.bool(n, "EnableIPv6"));
      case "Internal" -> Boolean.toString(Jv.bool(n, "Internal"));
      case "Labels" -> {
        List<String> out = new ArrayList<>();
        new TreeMap<>(Jv.map(n, "Labels")).forEach((k, v) -> out.add(k + "=" + v));
        yield String.join(",", out);
      }
      case "CreatedAt" -> Ages.goTime(Ages.parse(Jv.str(n, "Created")));
      default -> UNKNOWN;
    };
  }

  @Override
  public Object toJsonValue() {
    Map<String, Object> m = new TreeMap<>();
    for (String f : FIELDS) {
      m.put(f, field(f, List.of()));
    }
    return m;
  }
}
