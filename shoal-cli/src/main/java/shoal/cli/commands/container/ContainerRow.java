package shoal.cli.commands.container;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import shoal.cli.format.Ages;
import shoal.cli.format.GoStrings;
import shoal.cli.format.Header;
import shoal.cli.format.Ids;
import shoal.cli.format.Ports;
import shoal.cli.format.Units;
import shoal.cli.format.template.TemplateObject;
import shoal.cli.json.JsonValue;
import shoal.cli.json.Jv;

/** One row of {@code ps}: the fields docker's container context offers to --format. */
final class ContainerRow implements TemplateObject, JsonValue {
  static final String DEFAULT_TABLE =
      "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";
  static final Header HEADER = new Header(Map.ofEntries(
      Map.entry("ID", "CONTAINER ID"),
      Map.entry("Names", "NAMES"),
      Map.entry("Image", "IMAGE"),
      Map.entry("Command", "COMMAND"),
      Map.entry("CreatedAt", "CREATED AT"),
      Map.entry("RunningFor", "CREATED"),
      Map.entry("Ports", "PORTS"),
      Map.entry("State", "STATE"),
      Map.entry("Status", "STATUS"),
      Map.entry("Size", "SIZE"),
      Map.entry("Labels", "LABELS"),
      Map.entry("Mounts", "MOUNTS"),
      Map.entry("LocalVolumes", "LOCAL VOLUMES"),
      Map.entry("Networks", "NETWORKS")));
  private static final List<String> FIELDS = List.of("Command", "CreatedAt", "ID", "Image", "Labels",
      "LocalVolumes", "Mounts", "Names", "Networks", "Ports", "RunningFor", "Size", "State", "Status");

  private final Map<String, Object> c;
  private final boolean trunc;
  private final Instant now;

  ContainerRow(Map<String, Object> summary, boolean trunc, Instant now) {
    this.c = summary;
    this.trunc = trunc;
    this.now = now;
  }

  @Override
  public String typeName() {
    return "*formatter.ContainerContext";
  }

  @Override
  public Object field(String name, List<Object> args) {
    if (name.equals("Label")) {
      return args.size() == 1 ? Jv.str(c, "Labels", String.valueOf(args.getFirst())) : "";
    }
    if (!args.isEmpty()) {
      return UNKNOWN;
    }
    return switch (name) {
      case "ID" -> trunc ? Ids.truncate(Jv.str(c, "Id")) : Jv.str(c, "Id");
      case "Names" -> names();
      case "Image" -> image();
      case "Command" -> {
        String cmd = Jv.str(c, "Command");
        yield GoStrings.quote(trunc ? Ids.ellipsis(cmd, 20) : cmd);
      }
      case "CreatedAt" -> Ages.goTime(created());
      case "RunningFor" -> Ages.ago(created(), now);
      case "Ports" -> ports();
      case "State" -> Jv.str(c, "State");
      case "Status" -> Jv.str(c, "Status");
      case "Size" -> size();
      case "Labels" -> labels();
      case "Mounts" -> mounts();
      case "LocalVolumes" -> Long.toString(Jv.list(c, "Mounts").stream()
          .filter(m -> Jv.str(m, "Driver").equals("local")).count());
      case "Networks" -> String.join(",", new TreeSet<>(Jv.map(c, "NetworkSettings", "Networks").keySet()));
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

  private Instant created() {
    return Instant.ofEpochSecond(Jv.lng(c, "Created"));
  }

  private String names() {
    List<String> names = new ArrayList<>();
    for (Object n : Jv.list(c, "Names")) {
      String s = String.valueOf(n);
      names.add(s.startsWith("/") ? s.substring(1) : s);
    }
    if (trunc) {
      for (String n : names) {
        if (!n.contains("/")) {
          return n; // links (other/name) are not shown when truncating
        }
      }
    }
    return String.join(",", names);
  }

  private String image() {
    String image = Jv.str(c, "Image");
    if (image.isEmpty()) {
      return "<no image>";
    }
    if (trunc) {
      if (image.startsWith("sha256:") || Ids.truncate(Jv.str(c, "ImageID")).equals(Ids.truncate(image))) {
        return Ids.truncate(image);
      }
      int at = image.indexOf('@');
      if (at >= 0) {
        return image.substring(0, at);
      }
    }
    return image;
  }

  private String ports() {
    List<Ports.Port> ports = new ArrayList<>();
    for (Object p : Jv.list(c, "Ports")) {
      ports.add(new Ports.Port(Jv.str(p, "IP"), (int) Jv.lng(p, "PrivatePort"), (int) Jv.lng(p, "PublicPort"), Jv.str(p, "Type")));
    }
    return Ports.display(ports);
  }

  private String size() {
    String srw = Units.humanSize(Jv.lng(c, "SizeRw"), 3);
    long rootFs = Jv.lng(c, "SizeRootFs");
    return rootFs > 0 ? srw + " (virtual " + Units.humanSize(rootFs, 3) + ")" : srw;
  }

  private String labels() {
    List<String> out = new ArrayList<>();
    new TreeMap<>(Jv.map(c, "Labels")).forEach((k, v) -> out.add(k + "=" + v));
    return String.join(",", out);
  }

  private String mounts() {
    List<String> out = new ArrayList<>();
    for (Object m : Jv.list(c, "Mounts")) {
      String name = Jv.str(m, "Name");
      if (name.isEmpty()) {
        name = Jv.str(m, "Source");
      }
      out.add(trunc ? Ids.ellipsis(name, 15) : name);
    }
    return String.join(",", out);
  }
}
