package shoal.cli.commands.image;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import shoal.cli.format.Ages;
import shoal.cli.format.Header;
import shoal.cli.format.Ids;
import shoal.cli.format.Units;
import shoal.cli.format.template.TemplateObject;
import shoal.cli.json.JsonValue;
import shoal.cli.json.Jv;

/** One row of {@code images}: an image under one of its repository:tag names. */
final class ImageRow implements TemplateObject, JsonValue {
  static final String DEFAULT_TABLE = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
  static final String DIGESTS_TABLE =
      "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
  static final Header HEADER = new Header(Map.ofEntries(
      Map.entry("ID", "IMAGE ID"),
      Map.entry("Repository", "REPOSITORY"),
      Map.entry("Tag", "TAG"),
      Map.entry("Digest", "DIGEST"),
      Map.entry("CreatedSince", "CREATED"),
      Map.entry("CreatedAt", "CREATED AT"),
      Map.entry("Size", "SIZE"),
      Map.entry("Containers", "CONTAINERS"),
      Map.entry("VirtualSize", "VIRTUAL SIZE"),
      Map.entry("SharedSize", "SHARED SIZE"),
      Map.entry("UniqueSize", "UNIQUE SIZE")));
  private static final List<String> FIELDS = List.of("Containers", "CreatedAt", "CreatedSince", "Digest", "ID",
      "Repository", "SharedSize", "Size", "Tag", "UniqueSize", "VirtualSize");

  private final Map<String, Object> img;
  private final String repo;
  private final String tag;
  private final String digest;
  private final boolean trunc;
  private final Instant now;

  private ImageRow(Map<String, Object> img, String repo, String tag, String digest, boolean trunc, Instant now) {
    this.img = img;
    this.repo = repo;
    this.tag = tag;
    this.digest = digest;
    this.trunc = trunc;
    this.now = now;
  }

  /** docker's rows: one per tag; a dangling image as {@code <none> <none>}. */
  static List<ImageRow> rows(Map<String, Object> img, boolean trunc, Instant now) {
    List<String> tags = new ArrayList<>();
    for (Object t : Jv.list(img, "RepoTags")) {
      if (!"<none>:<none>".equals(t)) {
        tags.add(String.valueOf(t));
      }
    }
    Map<String, String> digests = new LinkedHashMap<>(); // repo → digest
    for (Object d : Jv.list(img, "RepoDigests")) {
      String s = String.valueOf(d);
      int at = s.indexOf('@');
      if (at > 0 && !s.equals("<none>@<none>")) {
        digests.put(s.substring(0, at), s.substring(at + 1));
      }
    }
    List<ImageRow> rows = new ArrayList<>();
    if (tags.isEmpty() && digests.isEmpty()) {
      rows.add(new ImageRow(img, "<none>", "<none>", "<none>", trunc, now));
      return rows;
    }
    for (String t : tags) {
      int colon = t.lastIndexOf(':');
      boolean hasTag = colon > t.lastIndexOf('/');
      String r = hasTag ? t.substring(0, colon) : t;
      String tg = hasTag ? t.substring(colon + 1) : "<none>";
      rows.add(new ImageRow(img, r, tg, digests.getOrDefault(r, "<none>"), trunc, now));
    }
    for (Map.Entry<String, String> d : digests.entrySet()) {
      boolean tagged = rows.stream().anyMatch(row -> row.repo.equals(d.getKey()));
      if (!tagged) {
        rows.add(new ImageRow(img, d.getKey(), "<none>", d.getValue(), trunc, now));
      }
    }
    return rows;
  }

  @Override
  public String typeName() {
    return "*formatter.imageContext";
  }

  @Override
  public Object field(String name, List<Object> args) {
    if (!args.isEmpty()) {
      return UNKNOWN;
    }
    return switch (name) {
      case "ID" -> trunc ? Ids.truncate(Jv.str(img, "Id")) : Jv.str(img, "Id");
      case "Repository" -> repo;
      case "Tag" -> tag;
      case "Digest" -> digest;
      case "CreatedSince" -> Jv.lng(img, "Created") == 0 ? "N/A" : Ages.ago(created(), now);
      case "CreatedAt" -> Ages.goTime(created());
      case "Size" -> Units.humanSize(Jv.lng(img, "Size"), 3);
      case "VirtualSize" -> Units.humanSize(Jv.get(img, "VirtualSize") != null ? Jv.lng(img, "VirtualSize") : Jv.lng(img, "Size"));
      case "SharedSize" -> Jv.lng(img, "SharedSize") < 0 ? "N/A" : Units.humanSize(Jv.lng(img, "SharedSize"), 3);
      case "UniqueSize" -> Jv.lng(img, "SharedSize") < 0 ? "N/A"
          : Units.humanSize(Jv.lng(img, "Size") - Jv.lng(img, "SharedSize"), 3);
      case "Containers" -> Jv.lng(img, "Containers") < 0 ? "N/A" : Long.toString(Jv.lng(img, "Containers"));
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
    return Instant.ofEpochSecond(Jv.lng(img, "Created"));
  }
}
