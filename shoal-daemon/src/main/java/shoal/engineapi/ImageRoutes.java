package shoal.engineapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import shoal.engineapi.http.ApiExchange;
import shoal.engineapi.http.Router;
import shoal.errors.InvalidArgumentException;
import shoal.errors.NotFoundException;
import shoal.runtime.image.DeleteResult;
import shoal.runtime.image.Image;
import shoal.runtime.image.ImageImporter;
import shoal.runtime.image.ImageLoader;
import shoal.runtime.image.ImageSaver;
import shoal.runtime.image.ImageStore;
import shoal.runtime.image.Reference;

/** {@code /images/…}: list, inspect, history, tag, remove, load, import, save, and pull's refusal. */
public final class ImageRoutes {
  private static final Set<String> LIST_FILTERS = Set.of("reference", "dangling", "label", "before", "since");

  private final ImageStore store;
  private final ImageLoader loader;
  private final ImageImporter importer;
  private final ImageSaver saver;

  public ImageRoutes(ImageStore store) {
    this.store = store;
    this.loader = new ImageLoader(store);
    this.importer = new ImageImporter(store);
    this.saver = new ImageSaver(store);
  }

  public void register(Router r) {
    r.get("/images/json", this::list);
    r.post("/images/load", this::load);
    r.post("/images/create", this::create);
    r.get("/images/get", ex -> save(ex, ex.query().all("names")));
    r.post("/images/prune", this::prune);
    r.get("/images/{name*}/json", this::inspect);
    r.get("/images/{name*}/history", this::history);
    r.get("/images/{name*}/get", ex -> save(ex, List.of(ex.pathParam("name"))));
    r.post("/images/{name*}/tag", this::tag);
    r.delete("/images/{name*}", this::remove);
    r.get("/distribution/{name*}/json", this::distribution);
  }

  private void list(ApiExchange ex) {
    Filters f = Filters.parse(ex.query().get("filters", ""), ex.json()).accept(LIST_FILTERS);
    Boolean dangling = null;
    for (String v : f.get("dangling")) {
      dangling = switch (v.toLowerCase()) {
        case "true", "1" -> true;
        case "false", "0" -> false;
        default -> throw new InvalidArgumentException("Invalid filter 'dangling=" + v + "'");
      };
    }
    Instant before = f.has("before") ? store.resolve(f.get("before").getFirst()).created() : null;
    Instant since = f.has("since") ? store.resolve(f.get("since").getFirst()).created() : null;
    List<Pattern> refs = f.get("reference").stream().map(ImageRoutes::glob).toList();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Image i : store.list()) {
      if ((dangling != null && dangling != i.repoTags().isEmpty())
          || !f.matchesLabels(i.config().labels())
          || (before != null && !i.created().isBefore(before))
          || (since != null && !i.created().isAfter(since))) {
        continue;
      }
      if (!refs.isEmpty()) {
        List<String> tags = i.repoTags().stream().filter(t -> matchesReference(refs, t)).toList();
        if (tags.isEmpty()) {
          continue;
        }
        i = withTags(i, tags);
      }
      out.add(ImageJson.summary(i));
    }
    ex.respondJson(200, out);
  }

  private void prune(ApiExchange ex) throws IOException {
    Filters f = Filters.parse(ex.query().get("filters", ""), ex.json()).accept(Set.of("dangling", "label"));
    boolean all = false;
    for (String v : f.get("dangling")) {
      all = switch (v.toLowerCase()) {
        case "true", "1" -> false;
        case "false", "0" -> true;
        default -> throw new InvalidArgumentException("Invalid filter 'dangling=" + v + "'");
      };
    }
    ImageStore.PruneResult r = store.prune(all, i -> f.matchesLabels(i.config().labels()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ImagesDeleted", r.deleted().isEmpty() ? null : deleteItems(r.deleted()));
    out.put("SpaceReclaimed", r.spaceReclaimed());
    ex.respondJson(200, out);
  }

  /**
   * What a registry would say of an image: there is no registry, so the local image is the truth
   * and its digest is its ID (deterministic for the built-in busybox, the same on every host).
   * `service create` pins the service to it, as docker does with a manifest digest, so every node
   * runs the same image or rejects the task.
   */
  private void distribution(ApiExchange ex) {
    Image image = store.resolve(ex.pathParam("name"));
    Map<String, Object> descriptor = new LinkedHashMap<>();
    descriptor.put("mediaType", "application/vnd.docker.container.image.v1+json");
    descriptor.put("digest", image.id());
    descriptor.put("size", store.configBlob(image).length);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("Descriptor", descriptor);
    out.put("Platforms", List.of(Map.of("architecture", "amd64", "os", "linux")));
    ex.respondJson(200, out);
  }

  private void inspect(ApiExchange ex) throws IOException {
    Image i = store.resolve(ex.pathParam("name"));
    JsonNode blob = ex.json().readTree(store.configBlob(i));
    ex.respondJson(200, ImageJson.inspect(ex.json(), i, blob, store.lowerDirs(i)));
  }

  private void history(ApiExchange ex) {
    Image i = store.resolve(ex.pathParam("name"));
    ex.respondJson(200, ImageJson.history(store.history(i)));
  }

  private void tag(ApiExchange ex) throws IOException {
    Image source = store.resolve(ex.pathParam("name"));
    Reference target = Reference.parse(ex.query().get("repo", ""));
    String tag = ex.query().get("tag", "");
    if (!tag.isEmpty()) {
      if (!Reference.isValidTag(tag)) {
        throw new InvalidArgumentException("invalid tag format");
      }
      target = target.withTag(tag);
    }
    if (target.digest() != null) {
      throw new InvalidArgumentException("refusing to create a tag with a digest reference");
    }
    store.tag(source.id(), target.withDefaultTag().familiarString());
    ex.respond(201, "text/plain; charset=utf-8", new byte[0]);
  }

  private void remove(ApiExchange ex) throws IOException {
    ex.respondJson(200, deleteItems(store.remove(ex.pathParam("name"), ex.query().bool("force", false))));
  }

  private static List<Map<String, String>> deleteItems(List<DeleteResult> results) {
    List<Map<String, String>> out = new ArrayList<>();
    for (DeleteResult r : results) {
      out.add(r.untagged() != null ? Map.of("Untagged", r.untagged()) : Map.of("Deleted", r.deleted()));
    }
    return out;
  }

  private void load(ApiExchange ex) throws IOException {
    ex.query().bool("quiet", false); // progress bars are all quiet hides; there are none
    List<String> lines = loader.load(ex.body());
    try (OutputStream out = ex.stream(200, "application/json")) {
      for (String line : lines) {
        message(ex, out, "stream", line + "\n");
      }
    }
  }

  /** {@code docker import} ({@code fromSrc=-}) or {@code docker pull} ({@code fromImage}). */
  private void create(ApiExchange ex) throws IOException {
    String fromSrc = ex.query().get("fromSrc", "");
    String fromImage = ex.query().get("fromImage", "");
    if (!fromSrc.isEmpty()) {
      if (!fromSrc.equals("-")) {
        throw new InvalidArgumentException(
            "importing from " + fromSrc + " is not supported: Shoal fetches nothing; download the file and run 'docker import FILE'");
      }
      String id =
          importer.importRootfs(
              ex.body(), ex.query().get("repo", ""), ex.query().get("tag", ""), ex.query().get("message", ""),
              ex.query().all("changes"));
      try (OutputStream out = ex.stream(200, "application/json")) {
        message(ex, out, "status", id);
      }
      return;
    }
    if (fromImage.isEmpty()) {
      throw new InvalidArgumentException("fromImage or fromSrc must be given");
    }
    String tag = ex.query().get("tag", "");
    String ref = tag.isEmpty() ? fromImage : fromImage + (tag.contains(":") ? "@" : ":") + tag;
    String name = Reference.parse(ref).withDefaultTag().familiarString();
    try {
      store.resolve(name);
    } catch (NotFoundException e) {
      throw new NotFoundException(
          "Shoal has no registry to pull " + name + " from: load the image with 'docker load -i IMAGE.tar'"
              + " (a 'docker save' tarball) or import a root file system with 'docker import ROOTFS.tar " + name + "'");
    }
    try (OutputStream out = ex.stream(200, "application/json")) {
      message(ex, out, "status", "Status: Image is up to date for " + name);
    }
  }

  private void save(ApiExchange ex, List<String> names) throws IOException {
    ImageSaver.Selection selection = saver.select(names);
    try (OutputStream out = ex.stream(200, "application/x-tar")) {
      saver.write(selection, out);
    }
  }

  /** One JSON message of a streamed answer, as Docker's stream formatter writes it. */
  private static void message(ApiExchange ex, OutputStream out, String field, String value) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(field, value);
    out.write(ex.json().writeValueAsBytes(m));
    out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Docker's reference filter: the pattern against "name:tag", or against the name alone. */
  private static boolean matchesReference(List<Pattern> patterns, String repoTag) {
    String name = repoTag.substring(0, repoTag.lastIndexOf(':'));
    return patterns.stream().anyMatch(p -> p.matcher(repoTag).matches() || p.matcher(name).matches());
  }

  /** A shell pattern as Go's path.Match reads it: * and ? stop at slashes, [...] classes. */
  static Pattern glob(String pattern) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      switch (c) {
        case '*' -> re.append("[^/]*");
        case '?' -> re.append("[^/]");
        case '[' -> {
          int end = pattern.indexOf(']', i + 1);
          if (end < 0) {
            throw new InvalidArgumentException("syntax error in pattern");
          }
          String cls = pattern.substring(i + 1, end);
          re.append('[').append(cls.replace("[", "\\[").replace("&", "\\&")).append(']');
          i = end;
        }
        case '\\' -> {
          if (i + 1 < pattern.length()) {
            re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  private static Image withTags(Image i, List<String> tags) {
    return new Image(
        i.id(), tags, i.created(), i.config(), i.diffIds(), i.size(), i.architecture(), i.os(), i.author(),
        i.comment(), i.dockerVersion(), i.lastTagTime());
  }
}
