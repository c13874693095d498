package shoal.runtime.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import shoal.errors.InvalidArgumentException;

/**
 * An image's config blob: the JSON document of the OCI image spec (architecture, os, config,
 * rootfs, history…) whose sha256 is the image ID. The bytes are kept exactly as they came, since
 * re-serialising would change the ID.
 */
record ConfigBlob(byte[] bytes, JsonNode root) {
  /** Go's zero time, which Docker shows for images without a creation date. */
  static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parses and checks a blob; a malformed one is a 400 naming what is wrong. */
  static ConfigBlob parse(byte[] bytes) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new InvalidArgumentException("invalid image config: " + firstLine(e.getMessage()), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidArgumentException("invalid image config: not a JSON object");
    }
    JsonNode rootfs = root.path("rootfs");
    if (!rootfs.path("type").asText().equals("layers")) {
      throw new InvalidArgumentException("invalid image config: rootfs type must be \"layers\"");
    }
    for (JsonNode d : rootfs.path("diff_ids")) {
      if (!Digests.isDigest(d.asText())) {
        throw new InvalidArgumentException("invalid image config: bad diff_id " + d);
      }
    }
    String os = root.path("os").asText("linux");
    if (!os.isEmpty() && !os.equals("linux")) {
      throw new InvalidArgumentException("cannot load " + os + " image on linux");
    }
    return new ConfigBlob(bytes.clone(), root);
  }

  /** Serialises a new config (busybox, import); the field order of {@code root} is kept. */
  static ConfigBlob of(ObjectNode root) {
    try {
      return parse(JSON.writeValueAsBytes(root));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectMapper json() {
    return JSON;
  }

  String id() {
    return Digests.of(bytes);
  }

  List<String> diffIds() {
    List<String> out = new ArrayList<>();
    root.path("rootfs").path("diff_ids").forEach(d -> out.add(d.asText()));
    return out;
  }

  Instant created() {
    return parseTime(root.path("created").asText(""));
  }

  /** The container settings ({@code config}), or an empty object. */
  JsonNode containerConfig() {
    JsonNode c = root.path("config");
    return c.isObject() ? c : JSON.createObjectNode();
  }

  ImageConfig imageConfig() {
    JsonNode c = containerConfig();
    return new ImageConfig(
        strings(c.path("Env")),
        strings(c.path("Cmd")),
        strings(c.path("Entrypoint")),
        c.path("WorkingDir").asText(""),
        c.path("User").asText(""),
        labels(c.path("Labels")),
        keys(c.path("ExposedPorts")),
        c.path("StopSignal").asText(""),
        keys(c.path("Volumes")));
  }

  String text(String field) {
    JsonNode n = root.path(field);
    return n.isTextual() ? n.asText() : "";
  }

  static Instant parseTime(String s) {
    if (s.isEmpty()) {
      return ZERO_TIME;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return ZERO_TIME;
    }
  }

  /** A JSON array of strings, or one string (Go's strslice accepts both). */
  static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(x -> out.add(x.asText()));
    } else if (n.isTextual()) {
      out.add(n.asText());
    }
    return out;
  }

  static Map<String, String> labels(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n.isObject()) {
      n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  private static Set<String> keys(JsonNode n) {
    Set<String> out = new LinkedHashSet<>();
    if (n.isObject()) {
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        out.add(it.next());
      }
    }
    return out;
  }

  private static String firstLine(String m) {
    String s = String.valueOf(m);
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
