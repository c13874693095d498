package shoal.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import shoal.runtime.image.HistoryItem;
import shoal.runtime.image.Image;

/** Images as the Engine API shows them: list items, inspect, history. */
final class ImageJson {
  /** Go's zero time, what Docker shows for "never". */
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private ImageJson() {}

  /** An item of {@code GET /images/json}. */
  static Map<String, Object> summary(Image i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Containers", -1);
    m.put("Created", i.created().getEpochSecond());
    m.put("Id", i.id());
    m.put("Labels", i.config().labels().isEmpty() ? null : i.config().labels());
    m.put("ParentId", "");
    boolean dangling = i.repoTags().isEmpty();
    m.put("RepoDigests", dangling ? List.of("<none>@<none>") : List.of());
    m.put("RepoTags", dangling ? List.of("<none>:<none>") : i.repoTags());
    m.put("SharedSize", -1);
    m.put("Size", i.size());
    m.put("VirtualSize", i.size());
    return m;
  }

  /** {@code GET /images/{name}/json}. */
  static ObjectNode inspect(ObjectMapper json, Image i, JsonNode blob, List<Path> lowerDirs) {
    ObjectNode m = json.createObjectNode();
    m.put("Id", i.id());
    m.set("RepoTags", json.valueToTree(i.repoTags()));
    m.putArray("RepoDigests");
    m.put("Parent", blob.path("parent").asText(""));
    m.put("Comment", i.comment());
    m.put("Created", time(i.created()));
    m.put("Container", blob.path("container").asText(""));
    m.set("ContainerConfig", containerConfig(json, blob.path("container_config")));
    m.put("DockerVersion", i.dockerVersion());
    m.put("Author", i.author());
    m.set("Config", containerConfig(json, blob.path("config")));
    m.put("Architecture", i.architecture());
    if (blob.hasNonNull("variant")) {
      m.put("Variant", blob.path("variant").asText());
    }
    m.put("Os", i.os());
    m.put("Size", i.size());
    m.put("VirtualSize", i.size());
    ObjectNode driver = m.putObject("GraphDriver");
    ObjectNode data = driver.putObject("Data");
    if (lowerDirs.size() > 1) {
      data.put("LowerDir", lowerDirs.subList(1, lowerDirs.size()).stream().map(Path::toString).collect(Collectors.joining(":")));
    }
    if (!lowerDirs.isEmpty()) {
      data.put("UpperDir", lowerDirs.getFirst().toString());
    }
    driver.put("Name", "overlay2");
    ObjectNode rootfs = m.putObject("RootFS");
    rootfs.put("Type", "layers");
    rootfs.set("Layers", json.valueToTree(i.diffIds()));
    m.putObject("Metadata").put("LastTagTime", i.lastTagTime() == null ? ZERO_TIME : time(i.lastTagTime()));
    return m;
  }

  static List<Map<String, Object>> history(List<HistoryItem> items) {
    return items.stream()
        .map(h -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("Comment", h.comment());
          m.put("Created", h.created().getEpochSecond());
          m.put("CreatedBy", h.createdBy());
          m.put("Id", h.id());
          m.put("Size", h.size());
          m.put("Tags", h.tags().isEmpty() ? null : h.tags());
          return m;
        })
        .toList();
  }

  /**
   * A container config as Docker prints it: every field of its Go struct in order (the optional
   * ones only when set), then anything else the image carries.
   */
  static ObjectNode containerConfig(ObjectMapper json, JsonNode src) {
    ObjectNode c = json.createObjectNode();
    text(c, src, "Hostname");
    text(c, src, "Domainname");
    text(c, src, "User");
    bool(c, src, "AttachStdin");
    bool(c, src, "AttachStdout");
    bool(c, src, "AttachStderr");
    optional(c, src, "ExposedPorts");
    bool(c, src, "Tty");
    bool(c, src, "OpenStdin");
    bool(c, src, "StdinOnce");
    nullable(c, src, "Env");
    nullable(c, src, "Cmd");
    optional(c, src, "Healthcheck");
    optional(c, src, "ArgsEscaped");
    text(c, src, "Image");
    nullable(c, src, "Volumes");
    text(c, src, "WorkingDir");
    nullable(c, src, "Entrypoint");
    optional(c, src, "NetworkDisabled");
    optional(c, src, "MacAddress");
    nullable(c, src, "OnBuild");
    nullable(c, src, "Labels");
    optional(c, src, "StopSignal");
    optional(c, src, "StopTimeout");
    optional(c, src, "Shell");
    if (src.isObject()) {
      src.properties().forEach(e -> {
        if (!c.has(e.getKey())) {
          c.set(e.getKey(), e.getValue());
        }
      });
    }
    return c;
  }

  private static void text(ObjectNode c, JsonNode src, String f) {
    c.put(f, src.path(f).asText(""));
  }

  private static void bool(ObjectNode c, JsonNode src, String f) {
    c.put(f, src.path(f).asBoolean(false));
  }

  private static void nullable(ObjectNode c, JsonNode src, String f) {
    JsonNode v = src.get(f);
    if (v == null || v.isNull()) {
      c.putNull(f);
    } else {
      c.set(f, v);
    }
  }

  private static void optional(ObjectNode c, JsonNode src, String f) {
    JsonNode v = src.get(f);
    if (v != null && !v.isNull()) {
      c.set(f, v);
    }
  }

  /** RFC 3339 with as many fraction digits as needed, as Go prints times. */
  static String time(Instant t) {
    return t.toString();
  }
}
