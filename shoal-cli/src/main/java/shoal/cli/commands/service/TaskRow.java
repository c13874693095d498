package shoal.cli.commands.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import shoal.cli.format.Ages;
import shoal.cli.format.Header;
import shoal.cli.format.Ids;
import shoal.cli.format.Units;
import shoal.cli.format.template.TemplateObject;
import shoal.cli.json.JsonValue;
import shoal.cli.json.Jv;

/** One row of {@code service ps} and {@code node ps}: a task, its name and node already resolved. */
final class TaskRow implements TemplateObject, JsonValue {
  static final String DEFAULT_TABLE =
      "table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}";
  static final Header HEADER = new Header(Map.of(
      "ID", "ID", "Name", "NAME", "Image", "IMAGE", "Node", "NODE", "DesiredState", "DESIRED STATE",
      "CurrentState", "CURRENT STATE", "Error", "ERROR", "Ports", "PORTS"));
  private static final List<String> FIELDS = List.of("CurrentState", "DesiredState", "Error", "ID", "Image", "Name", "Node", "Ports");
  private static final int MAX_ERROR = 30;

  private final Object task;
  private final String name;
  private final String node;
  private final boolean trunc;
  private final Instant now;

  TaskRow(Object task, String name, String node, boolean trunc, Instant now) {
    this.task = task;
    this.name = name;
    this.node = node;
    this.trunc = trunc;
    this.now = now;
  }

  @Override
  public String typeName() {
    return "*task.taskContext";
  }

  @Override
  public Object field(String field, List<Object> args) {
    if (!args.isEmpty()) {
      return UNKNOWN;
    }
    return switch (field) {
      case "ID" -> trunc ? Ids.truncate(Jv.str(task, "ID")) : Jv.str(task, "ID");
      case "Name" -> name;
      case "Image" -> {
        String image = Jv.str(task, "Spec", "ContainerSpec", "Image");
        yield trunc ? ImageNames.display(image) : image;
      }
      case "Node" -> node;
      case "DesiredState" -> pretty(Jv.str(task, "DesiredState"));
      case "CurrentState" -> pretty(Jv.str(task, "Status", "State")) + " "
          + Units.humanDuration(Duration.between(Ages.parse(Jv.str(task, "Status", "Timestamp")), now)).toLowerCase(Locale.ROOT) + " ago";
      case "Error" -> {
        String err = Jv.str(task, "Status", "Err");
        if (trunc) {
          err = Ids.ellipsis(err, MAX_ERROR);
        }
        yield err.isEmpty() ? "" : "\"" + err + "\"";
      }
      case "Ports" -> ports();
      default -> UNKNOWN;
    };
  }

  /** docker's PrettyPrint of a state: {@code running} → {@code Running}. */
  static String pretty(String s) {
    return switch (s.length()) {
      case 0 -> s;
      case 1 -> s.toLowerCase(Locale.ROOT);
      default -> s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    };
  }

  /** The task's published ports (host mode): {@code *:8080->80/tcp}, comma-separated. */
  private String ports() {
    List<String> out = new ArrayList<>();
    for (Object p : Jv.list(task, "Status", "PortStatus", "Ports")) {
      out.add("*:" + Jv.lng(p, "PublishedPort") + "->" + Jv.lng(p, "TargetPort") + "/" + Jv.str(p, "Protocol"));
    }
    return String.join(",", out);
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
