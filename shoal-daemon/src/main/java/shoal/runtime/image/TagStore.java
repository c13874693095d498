package shoal.runtime.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tags ("busybox:latest" → image ID), kept in {@code image/repositories.json} in the shape of
 * Docker's file: {@code {"Repositories":{"busybox":{"busybox:latest":"sha256:…"}}}}. Not
 * thread-safe: the {@link ImageStore} calls it under its lock.
 */
final class TagStore {
  private static final Logger log = LoggerFactory.getLogger(TagStore.class);

  private final Path file;
  private final ObjectMapper json = ConfigBlob.json();
  // Familiar "name:tag" → image ID, sorted so that listings are stable.
  private final TreeMap<String, String> tags = new TreeMap<>();

  TagStore(Path file) throws IOException {
    this.file = file;
    if (Files.exists(file)) {
      JsonNode root = json.readTree(Files.readAllBytes(file));
      root.path("Repositories").properties().forEach(repo ->
          repo.getValue().properties().forEach(t -> tags.put(t.getKey(), t.getValue().asText())));
    }
  }

  String get(String tag) {
    return tags.get(tag);
  }

  Map<String, String> all() {
    return Map.copyOf(tags);
  }

  /** The tags of one image, sorted. */
  List<String> tagsOf(String imageId) {
    List<String> out = new ArrayList<>();
    tags.forEach((t, id) -> {
      if (id.equals(imageId)) {
        out.add(t);
      }
    });
    return out;
  }

  /** Points {@code tag} at {@code imageId}; answers the image it pointed at before, or null. */
  String put(String tag, String imageId) throws IOException {
    String before = tags.put(tag, imageId);
    try {
      save();
    } catch (IOException e) {
      if (before == null) {
        tags.remove(tag);
      } else {
        tags.put(tag, before);
      }
      throw e;
    }
    return before;
  }

  void remove(String tag) throws IOException {
    String before = tags.remove(tag);
    if (before == null) {
      return;
    }
    try {
      save();
    } catch (IOException e) {
      tags.put(tag, before);
      throw e;
    }
  }

  /** Drops tags of images that are gone (after a crash or a hand-edited data root). */
  void retainImages(java.util.Set<String> imageIds) throws IOException {
    if (tags.values().removeIf(id -> !imageIds.contains(id))) {
      log.warn("dropped tags of missing images");
      save();
    }
  }

  private void save() throws IOException {
    ObjectNode root = json.createObjectNode();
    ObjectNode repos = root.putObject("Repositories");
    for (Map.Entry<String, String> t : tags.entrySet()) {
      String repo = t.getKey().substring(0, t.getKey().lastIndexOf(':'));
      ObjectNode r = repos.has(repo) ? (ObjectNode) repos.get(repo) : repos.putObject(repo);
      r.put(t.getKey(), t.getValue());
    }
    AtomicFiles.write(file, json.writeValueAsBytes(root));
  }
}
